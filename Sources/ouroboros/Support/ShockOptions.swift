import ArgumentParser
import OuroborosEngine
import OuroborosScenario

/// Reads `--shock KIND:SIZE@DATE` options against a scenario's calendar and entities.
enum ShockOptions {
    /// The parsed shocks, or a usage error (exit 64) that says what was expected.
    static func parse(_ texts: [String], for scenario: NetworkScenario) throws -> [NetworkShock] {
        try texts.map { text in
            do {
                return try NetworkShock.parse(text, calendar: scenario.calendar, entityIDs: scenario.entities.map(\.id))
            } catch {
                throw ValidationError("--shock '\(text)': \(error)")
            }
        }
    }
}
