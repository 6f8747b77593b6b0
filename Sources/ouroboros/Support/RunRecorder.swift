import Foundation
import OuroborosScenario
import OuroborosStore

/// Records one `ouroboros run` (or tipping, sensitivity, compare) in the store: begun (status running) once the scenario is loaded,
/// failed with the error if the simulation throws, finished with summary and series after the
/// results are printed. Without a store (`--no-store`) every call does nothing. A store that
/// fails is reported (its message on standard error) and thrown as its exit code.
final class RunRecorder {
    private let store: RunStore?
    private var id: RunID?

    /// Opens the store of `options` (before any work; see `StoreOptions`).
    init(_ options: StoreOptions) throws {
        store = try Self.reporting { try options.open() }
    }

    /// Records the start of a run of the scenario or model that `reference` (a file or built-in name) names.
    func begin(_ kind: RunKind, name: String, scenario reference: String, seed: UInt64?) throws {
        try begin(kind, name: name, scenarioText: Self.text(of: reference), seed: seed)
    }

    /// Records the start of a run on several scenarios (a comparison of files): their texts as one
    /// YAML stream, each document headed by a comment naming its file.
    func begin(_ kind: RunKind, name: String, scenarios references: [String], seed: UInt64?) throws {
        guard references.count > 1 else {
            return try begin(kind, name: name, scenario: references.first ?? BuiltInScenarios.defaultName, seed: seed)
        }
        let stream = references.map { "--- # \($0)\n" + Self.text(of: $0) }.joined(separator: "\n")
        try begin(kind, name: name, scenarioText: stream, seed: seed)
    }

    /// Records the start of a run on `scenarioText` (empty when the scenario is not at hand, as for merged shards).
    func begin(_ kind: RunKind, name: String, scenarioText: String, seed: UInt64?) throws {
        guard let store else { return }
        let start = RunStart(
            kind: kind, scenarioName: name, scenarioText: scenarioText,
            commandLine: ["ouroboros"] + CommandLine.arguments.dropFirst(), seed: seed,
            toolVersion: OuroborosVersion.current)
        id = try Self.reporting { try store.begin(start) }
    }

    /// Runs `body`; if it throws, records the run as failed with the error, then rethrows.
    func failing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            if let store, let id {
                // The run's own error is what the user must see; a store failure here would only hide it.
                try? store.finish(id, status: .failed, error: "\(error)")
            }
            throw error
        }
    }

    /// Records the end of a finished run with its summary and series.
    func finish(summary: RunSummary, series: RunSeries) throws {
        guard let store, let id else { return }
        try Self.reporting { try store.finish(id, status: .finished, summary: summary, series: series) }
    }

    /// Records the end of a run that keeps no series (tipping, sensitivity, compare): `finished`,
    /// or `interrupted` after Ctrl-C, with the summary of what was done.
    func finish(summary: RunSummary, interrupted: Bool = false) throws {
        guard let store, let id else { return }
        try Self.reporting { try store.finish(id, status: interrupted ? .interrupted : .finished, summary: summary) }
    }

    /// Runs `body`, turning a store error into its message and exit code.
    private static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw ExitStatus.report(error)
        }
    }

    /// The text of a scenario as `ScenarioLoader.resolve` read it: a built-in's resource, else the file.
    static func text(of reference: String) -> String {
        if let entry = BuiltInScenarios.entry(named: reference), !FileManager.default.fileExists(atPath: reference) {
            return BuiltInScenarios.text(of: entry) ?? ""
        }
        return (try? String(contentsOfFile: reference, encoding: .utf8)) ?? ""
    }
}
