import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import TestSupport
import Testing

/// One scenario under several shock sets, side by side.
@Suite("comparison")
struct ComparisonTests {
    @Test("columns come back in order with their own outcomes")
    func columns() async throws {
        guard case .network(let scenario) = try ScenarioLoader.parse(Fixtures.labAndCloud(), file: "lc.yaml") else { return }
        func shock(_ text: String) throws -> NetworkShock {
            try NetworkShock.parse(text, calendar: scenario.calendar, entityIDs: ["lab", "cloud"])
        }
        let comparison = ScenarioComparison(cases: [
            .init(label: "baseline", scenario: scenario),
            .init(label: "demand -30%", scenario: scenario, shocks: [try shock("demand:-30%@2025-01")]),
            .init(label: "demand -10%", scenario: scenario, shocks: [try shock("demand:-10%@2025-01")]),
        ])
        let columns = await comparison.run(threads: 2)
        #expect(columns.map(\.label) == ["baseline", "demand -30%", "demand -10%"])
        #expect(columns.map(\.broke) == [false, true, false])
        // −30%: cash before the bill of month m is 6 − 0.3m $B, below $1B from month 17 (2026-05).
        #expect(columns[1].breakLabel == "2026-05")
        #expect(columns[1].firstFailure == "lab contractCancelled")
    }
}
