public import OuroborosEngine
public import OuroborosExperiments
import OuroborosScenario

/// A Monte Carlo experiment in the run store: begun (or taken up again with `resume`) before any
/// run, each completed run journalled as it finishes (`ExperimentJournal`, a few commits a
/// second, never blocking a worker), and its end recorded with the summary — `finished`, or
/// `interrupted` after a cancellation. A process killed outright leaves its journalled runs in
/// the store; `resume` rebuilds the experiment from the stored scenario text and definition,
/// refuses it if it is not the same experiment, and hands back the runs already done so that only
/// the missing indices run.
///
/// Without a store (`--no-store`, and for shard runs, whose shard file is their record) every
/// call records nothing. Used by one task at a time; `onRunCompleted` is safe from any worker.
public final class MonteCarloRecording {
    /// Where the experiment is recorded, and as asked for by which command line.
    public let recording: RunRecording
    private var journal: ExperimentJournal?
    /// The runs journalled before this process (resume), by index.
    public private(set) var completed: [Int: RunOutcome] = [:]
    /// The experiment's id in the store, once begun or resumed.
    public private(set) var id: RunID?

    /// A recording of an experiment (nothing when `recording` has no store).
    public init(_ recording: RunRecording) {
        self.recording = recording
    }

    /// A new experiment of `runs` runs on `scenario` with `shocks` (`KIND:SIZE@DATE`) and `seed`
    /// (default: the scenario's): loads the scenario, builds the experiment and records its start
    /// with its definition.
    public func begin(scenario reference: ScenarioReference, shocks: [String], runs: Int, seed: UInt64?) throws -> (
        scenario: NetworkScenario, experiment: MonteCarloExperiment
    ) {
        let scenario = try reference.loadForExperiment()
        let experiment = MonteCarloExperiment(scenario: scenario, shocks: try scenario.shocks(shocks), runs: runs, seed: seed ?? scenario.seed)
        guard let store = recording.store else { return (scenario, experiment) }
        let stored = StoredMonteCarlo(scenarioFile: reference.parsedFile, definition: experiment.definition)
        let start = recording.start(.monteCarlo, name: scenario.name, scenarioText: reference.text, seed: experiment.definition.seed)
        let id = try store.beginExperiment(start, plannedRuns: runs, definitionJSON: try stored.encoded())
        self.id = id
        journal = ExperimentJournal(store: store, experiment: id)
        return (scenario, experiment)
    }

    /// The interrupted experiment `id` taken up again: rebuilt from the stored scenario text and
    /// definition (an `ExperimentResumeError` when the rebuilt experiment differs from the stored
    /// one), with the runs already journalled in `completed`.
    public func resume(_ id: RunID) throws -> (scenario: NetworkScenario, experiment: MonteCarloExperiment) {
        guard let store = recording.store else {
            throw RequestError("--resume reads the experiment from the run store; drop --no-store")
        }
        let recorded = try store.experimentDefinition(of: id)
        guard recorded.record.kind == .monteCarlo else {
            throw RequestError("--resume \(id): run \(id) is a \(recorded.record.kind) run, not a Monte Carlo experiment")
        }
        // Refuses a finished experiment and one whose process is alive (a usage error), then marks it ours.
        let (definition, journalled) = try store.resumeExperiment(id)
        do {
            let rebuilt = try Self.rebuild(definition, id: id, store: store)
            for run in journalled {
                guard (0..<rebuilt.experiment.definition.runs).contains(run.index),
                    let outcome = try? StoredMonteCarlo.outcome(from: run.payload)
                else {
                    throw ExperimentResumeError(
                        "run store '\(store.path)': run \(run.index) journalled for experiment \(id) cannot be read as a Monte Carlo outcome; the experiment cannot be resumed"
                    )
                }
                completed[run.index] = outcome
            }
            self.id = id
            journal = ExperimentJournal(store: store, experiment: id)
            return rebuilt
        } catch {
            // Leave it as it was found: interrupted, with its summary and journal, for a later attempt.
            try? store.finishExperiment(id, status: .interrupted, summary: definition.record.summary)
            throw error
        }
    }

    /// Queues run `index`'s outcome for the journal; safe from any worker thread, never blocks.
    /// A journal whose outcome cannot be written makes `finish` fail.
    public var onRunCompleted: @Sendable (Int, RunOutcome) -> Void {
        guard let journal else { return { _, _ in } }
        return { index, outcome in
            if let payload = try? StoredMonteCarlo.payload(of: outcome) {
                journal.record(index: index, payload: payload)
            } else {
                journal.record(index: index, outcome: outcome)  // records why it cannot be encoded
            }
        }
    }

    /// Commits the last runs and records the end with `summary`: `finished`, or `interrupted`
    /// (resumable). Returns, for an interrupted experiment, the note that says how to take it up
    /// again (`runsDone` of `runs` are in the store).
    public func finish(summary: RunSummary, interrupted: Bool, runsDone: Int, of runs: Int) throws(StoreError) -> String? {
        guard let journal else { return nil }
        try journal.finish(status: interrupted ? .interrupted : .finished, summary: summary)
        guard interrupted, let id else { return nil }
        return "interrupted: \(runsDone) of \(runs) runs are in the run store; `ouroboros montecarlo --resume \(id)` runs the rest"
    }

    // MARK: - Rebuilding a stored experiment

    /// The scenario and experiment that `definition` describes, checked against it.
    private static func rebuild(_ definition: ExperimentDefinition, id: RunID, store: RunStore) throws(ExperimentResumeError) -> (
        scenario: NetworkScenario, experiment: MonteCarloExperiment
    ) {
        let refuse = { (why: String) -> ExperimentResumeError in
            ExperimentResumeError("cannot resume experiment \(id) of run store '\(store.path)': \(why)")
        }
        guard let stored = StoredMonteCarlo.decode(definition.definitionJSON) else {
            throw refuse(
                "its stored definition is not one this version of Ouroboros reads (format \(StoredMonteCarlo.formatName) version \(StoredMonteCarlo.currentVersion))"
            )
        }
        let document: ScenarioDocument
        do {
            document = try ScenarioLoader.parse(definition.scenarioText, file: stored.scenarioFile)
        } catch {
            throw refuse("its stored scenario no longer loads (read as \(stored.scenarioFile)):\n\(error)")
        }
        guard case .network(let scenario) = document else {
            throw refuse("its stored scenario is not a network scenario")
        }
        let shocks: [NetworkShock]
        do {
            shocks = try scenario.shocks(stored.definition.shocks)
        } catch {
            throw refuse("its shocks no longer apply to the scenario: \(error)")
        }
        let experiment = MonteCarloExperiment(scenario: scenario, shocks: shocks, runs: stored.definition.runs, seed: stored.definition.seed)
        let was = stored.definition
        let now = experiment.definition
        guard was == now else {
            var changed: [String] = []
            if was.scenarioHash != now.scenarioHash {
                changed.append(
                    "the scenario's hash is \(now.scenarioHash), recorded \(was.scenarioHash) (a file it extends changed, or this version reads it differently)"
                )
            }
            if was.parameters != now.parameters { changed.append("its uncertain parameters are \(now.parameters), recorded \(was.parameters)") }
            if was.keySeries != now.keySeries { changed.append("its key series are \(now.keySeries), recorded \(was.keySeries)") }
            if was.periodLabels != now.periodLabels || was.calendar != now.calendar { changed.append("its calendar differs from the recorded one") }
            if was.scenario != now.scenario || was.shocks != now.shocks || was.seed != now.seed || was.runs != now.runs {
                changed.append("its name, shocks, seed or runs differ from the recorded ones")
            }
            throw refuse(
                "the experiment rebuilt from the store is not the one recorded: " + changed.joined(separator: "; ")
                    + ". Start a new experiment instead of resuming this one")
        }
        return (scenario, experiment)
    }
}
