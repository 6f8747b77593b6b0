import Foundation
import FuzzDriver
import OuroborosCore
import OuroborosEngine
import OuroborosEquations
import OuroborosScenario

/// What one fuzz input is fed to; `OUROBOROS_FUZZ_TARGET` names it (Fuzz/run sets it).
///
/// Every target must return for every input, however hostile: errors are the expected answer to
/// bad input, and only a crash, a hang or a memory blow-up is a finding.
enum FuzzTarget: String, CaseIterable {
    /// Scenario and model files (`kind: network` and `kind: equations`) through `ScenarioLoader`;
    /// a network scenario that loads is run through the engine (short calendars only), an equation
    /// model is compiled and solved.
    case scenario
    /// The equation parser and checker alone: each line of the input is one equation of a model.
    case equations
    /// The CSV reader and its typed cells (`from,to,amount`).
    case csv
    /// The shock parser (`KIND:SIZE@DATE`), one shock per line.
    case shock

    /// The target named by the environment, `scenario` when none is.
    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["OUROBOROS_FUZZ_TARGET"] ?? "scenario"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("unknown OUROBOROS_FUZZ_TARGET '\(name)'; expected one of: scenario, equations, csv, shock\n".utf8))
            exit(64)
        }
        return target
    }()

    /// Feeds `text` to the target.
    func consume(_ text: String) {
        switch self {
        case .scenario: Self.scenario(text)
        case .equations: Self.equations(text)
        case .csv: Self.csv(text)
        case .shock: Self.shock(text)
        }
    }

    private static func scenario(_ text: String) {
        guard let document = try? ScenarioLoader.parse(text, file: "fuzz.yaml") else { return }
        switch document {
        case .network(let scenario):
            guard scenario.calendar.periods <= 36, scenario.entities.count <= 64 else { return }
            _ = try? NetworkSimulation(scenario: scenario).run(seed: 1, outputs: .withoutFundsTracing)
        case .equations(let spec):
            guard let model = try? EquationModel.compile(spec) else { return }
            _ = try? model.run(periods: min(spec.periods, 50))
        }
    }

    private static func equations(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(64)
        let sources = lines.enumerated().map { EquationSource(String($1), at: SourceLocation(file: "fuzz", line: $0 + 1, column: 1)) }
        let spec = EquationModelSpec(
            name: "FUZZ", periods: 5, parameters: [NamedValue("alpha", 0.5)], exogenous: [ExogenousSeries("G", .constant(20))],
            initial: [], equations: sources, shocks: [], hidden: [], location: SourceLocation(file: "fuzz", line: 1, column: 1))
        guard let model = try? EquationModel.compile(spec) else { return }
        _ = try? model.run()
    }

    private static func csv(_ text: String) {
        let table = CSVTable(parsing: text, file: "fuzz.csv", columns: ["from", "to", "amount"], requireRows: false)
        var diagnostics: [Diagnostic] = []
        for row in table.rows {
            _ = row.label("from", &diagnostics)
            _ = row.amount("amount", &diagnostics)
            _ = row.share("to", &diagnostics)
        }
    }

    private static let calendar = Timeline(start: CalendarPeriod(year: 2025, month: 1), periods: 72)

    private static func shock(_ text: String) {
        for line in text.split(separator: "\n").prefix(64) {
            _ = try? NetworkShock.parse(String(line), calendar: calendar, entityIDs: ["openai", "nvidia", "coreweave", "lab"])
        }
    }
}
