import Foundation
import GRDB
import OuroborosEngine
import OuroborosEquations
import OuroborosScenario
import OuroborosStore
import Testing

/// Temporary stores and real runs to record in them.
enum StoreFixtures {
    /// A fresh temporary folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ouroboros-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The path of a store file (not yet created) in a fresh temporary folder.
    static func storePath() throws -> String {
        try folder().appendingPathComponent("runs.sqlite").path
    }

    /// What a test run begins with.
    static func start(
        _ kind: RunKind = .network, name: String = "toy", text: String = "kind: network\nname: toy\n",
        seed: UInt64? = 7
    ) -> RunStart {
        RunStart(
            kind: kind, scenarioName: name, scenarioText: text, commandLine: ["ouroboros", "run", "toy.yaml", "--seed", "7"],
            seed: seed, toolVersion: "0.1.0-test")
    }

    /// A summary with valid JSON.
    static let summary = RunSummary(
        holds: false, breakPeriod: "2027-03", firstFailure: "openai default: no cash",
        headline: "breaks 2027-03: openai default", json: #"{"holds": false, "break_period": "2027-03"}"#)

    /// Two long-form series over three periods.
    static let series = RunSeries(
        layout: .long, periodLabels: ["2025-01", "2025-02", "2025-03"],
        columns: [
            .init(entity: "openai", variable: "cash", values: [1.5, -2.25, 3e12]),
            .init(entity: "macro", variable: "policy_rate", values: [0.0425, 0.04, 0.0375]),
        ])

    /// The built-in network scenario's text and one run of it with a rate shock (run once, shared).
    static let builtInNetwork: (text: String, scenario: NetworkScenario, result: NetworkRunResult, shocks: [String])? = {
        guard let entry = BuiltInScenarios.entry(named: BuiltInScenarios.defaultName), let text = BuiltInScenarios.text(of: entry),
            case .network(let scenario)? = try? ScenarioLoader.builtIn(BuiltInScenarios.defaultName),
            let shock = try? NetworkShock.parse("rate:+300bp@2026-01", calendar: scenario.calendar, entityIDs: scenario.entities.map(\.id)),
            let result = try? NetworkSimulation(scenario: scenario, shocks: [shock]).run(seed: nil)
        else { return nil }
        return (text, scenario, result, (scenario.shocks + [shock]).map(\.text))
    }()

    /// A built-in equation model and a run of it.
    static func equations(_ name: String, periods: Int? = nil) throws -> (spec: EquationModelSpec, result: SimulationResult) {
        guard case .equations(let spec) = try ScenarioLoader.builtIn(name) else {
            throw StoreTestFailure("\(name) is not an equation model")
        }
        return (spec, try EquationModel.compile(spec).run(periods: periods))
    }

    /// The process id of a process that has exited (a stale writer).
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Sets columns of a run directly in the database, as another (possibly dead) process left them.
    static func tamper(_ path: String, _ sql: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
        try queue.close()
    }
}

/// A fixture that could not be built.
struct StoreTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
