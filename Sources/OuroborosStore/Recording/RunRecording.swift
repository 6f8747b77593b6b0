public import OuroborosExperiments

/// How one run (a network run, an equation model, a report, a tipping search, a sensitivity
/// study, a comparison, merged shards) is recorded: begun (status running) once its scenario
/// is loaded, failed with the error if it throws, finished with its summary (and series) when it
/// is done. Without a store (`--no-store`) every call does nothing.
///
/// Used by one task at a time.
public final class RunRecording {
    /// The store recorded in; nil records nothing.
    public let store: RunStore?
    /// The command line that asked for the run, program name first.
    public let commandLine: [String]
    /// The version of Ouroboros recording it.
    public let toolVersion: String
    /// The run's id once begun.
    public private(set) var id: RunID?

    /// A recording into `store` (nil: none) of a run asked for by `commandLine`.
    public init(store: RunStore?, commandLine: [String], toolVersion: String) {
        self.store = store
        self.commandLine = commandLine
        self.toolVersion = toolVersion
    }

    /// What the store records when the run begins.
    public func start(_ kind: RunKind, name: String, scenarioText: String, seed: UInt64?) -> RunStart {
        RunStart(kind: kind, scenarioName: name, scenarioText: scenarioText, commandLine: commandLine, seed: seed, toolVersion: toolVersion)
    }

    /// Records the start of a run of `scenario` (its text as it was read).
    public func begin(_ kind: RunKind, name: String, scenario: ScenarioReference, seed: UInt64?) throws(StoreError) {
        try begin(kind, name: name, scenarioText: scenario.text, seed: seed)
    }

    /// Records the start of a run on several scenarios (a comparison of files): their texts as one
    /// YAML stream, each document headed by a comment naming its file.
    public func begin(_ kind: RunKind, name: String, scenarios: [ScenarioReference], seed: UInt64?) throws(StoreError) {
        guard scenarios.count > 1 else {
            return try begin(kind, name: name, scenario: scenarios.first ?? ScenarioReference(nil), seed: seed)
        }
        let stream = scenarios.map { "--- # \($0.name)\n" + $0.text }.joined(separator: "\n")
        try begin(kind, name: name, scenarioText: stream, seed: seed)
    }

    /// Records the start of a run on `scenarioText` (empty when the scenario is not at hand, as for merged shards).
    public func begin(_ kind: RunKind, name: String, scenarioText: String, seed: UInt64?) throws(StoreError) {
        guard let store else { return }
        id = try store.begin(start(kind, name: name, scenarioText: scenarioText, seed: seed))
    }

    /// Runs `body`; if it throws, records the run as failed with the error, then rethrows.
    public func failing<T>(_ body: () throws -> T) rethrows -> T {
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
    public func finish(summary: RunSummary, series: RunSeries) throws(StoreError) {
        guard let store, let id else { return }
        try store.finish(id, status: .finished, summary: summary, series: series)
    }

    /// Records the end of a run that keeps no series (tipping, sensitivity, compare, merge):
    /// `finished`, or `interrupted` after a cancellation, with the summary of what was done.
    public func finish(summary: RunSummary, interrupted: Bool = false) throws(StoreError) {
        guard let store, let id else { return }
        try store.finish(id, status: interrupted ? .interrupted : .finished, summary: summary)
    }
}
