import Foundation
import OuroborosScenario
import OuroborosStore

/// Records one `ouroboros run` in the store: begun (status running) once the scenario is loaded,
/// failed with the error if the simulation throws, finished with summary and series after the
/// results are printed. Without a store (`--no-store`) every call does nothing.
final class RunRecorder {
    private let store: RunStore?
    private var id: RunID?

    /// Opens the store of `options` (before any work; see `StoreOptions`).
    init(_ options: StoreOptions) throws {
        store = try options.open()
    }

    /// Records the start of a run of the scenario or model that `reference` (a file or built-in name) names.
    func begin(_ kind: RunKind, name: String, scenario reference: String, seed: UInt64?) throws {
        guard let store else { return }
        let start = RunStart(kind: kind, scenarioName: name, scenarioText: Self.text(of: reference),
                             commandLine: ["ouroboros"] + CommandLine.arguments.dropFirst(), seed: seed,
                             toolVersion: OuroborosVersion.current)
        id = try store.begin(start)
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
        try store.finish(id, status: .finished, summary: summary, series: series)
    }

    /// The text of a scenario as `ScenarioLoader.resolve` read it: a built-in's resource, else the file.
    static func text(of reference: String) -> String {
        if let entry = BuiltInScenarios.entry(named: reference), !FileManager.default.fileExists(atPath: reference) {
            return BuiltInScenarios.text(of: entry) ?? ""
        }
        return (try? String(contentsOfFile: reference, encoding: .utf8)) ?? ""
    }
}
