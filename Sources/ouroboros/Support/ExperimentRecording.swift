import ArgumentParser
import Foundation
import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import OuroborosStore

/// `ouroboros montecarlo` in the run store: the experiment is begun (or, with `--resume`, taken up
/// again) before any run, each completed run is journalled as it finishes (`ExperimentJournal`,
/// a few commits a second, never blocking a worker), and the end is recorded with the summary —
/// `finished`, or `interrupted` after Ctrl-C. A process killed outright leaves its journalled runs
/// in the store; `--resume ID` rebuilds the experiment from the stored scenario text and
/// definition, refuses it if it is not the same experiment, and runs only the missing indices.
///
/// Without a store (`--no-store`, and for `--shard` runs, whose shard file is their record) every
/// call does nothing. Every failure is already reported and mapped to an exit code.
final class MonteCarloRecording {
    private let store: RunStore?
    private var journal: ExperimentJournal?
    /// The runs journalled before this process (resume), by index.
    private(set) var completed: [Int: RunOutcome] = [:]
    /// The experiment's id in the store, once begun or resumed.
    private(set) var id: RunID?

    /// Opens the store of `options` (before any work; see `StoreOptions`); none for a shard. To
    /// resume an experiment the store must exist already: it is never created for that.
    init(_ options: StoreOptions, sharded: Bool, resuming: String?) throws {
        if let resuming, let id = RunID(resuming), !options.noStore {
            let path = options.path ?? RunStore.location(environment: ProcessInfo.processInfo.environment).path
            guard FileManager.default.fileExists(atPath: path) else { throw ExitStatus.report(StoreError.unknownRun(id, path: path)) }
        }
        store = try Self.mapped { sharded ? nil : try options.open() }
    }

    /// The experiment `resuming` names (a run id, validated) taken up again, else a new one (see
    /// `begin` and `resume`).
    func start(resuming: String?, scenario: String?, shocks: [String], runs: Int, seed: UInt64?) throws -> (NetworkScenario, MonteCarloExperiment) {
        if let resuming, let id = RunID(resuming) { return try resume(id) }
        return try begin(scenario: scenario, shocks: shocks, runs: runs, seed: seed)
    }

    /// A new experiment on the scenario `reference` (a file or built-in; the default when nil):
    /// loads it, builds the experiment and records its start with its definition.
    func begin(scenario reference: String?, shocks: [String], runs: Int, seed: UInt64?) throws -> (NetworkScenario, MonteCarloExperiment) {
        let name = reference ?? BuiltInScenarios.defaultName
        let loaded = try ExperimentScenario.load(name)
        let parsed = try ShockOptions.parse(shocks, for: loaded)
        let experiment = MonteCarloExperiment(scenario: loaded, shocks: parsed, runs: runs, seed: seed ?? loaded.seed)
        guard let store else { return (loaded, experiment) }
        let stored = StoredMonteCarlo(scenarioFile: Self.parsedFile(of: name), definition: experiment.definition)
        let start = RunStart(
            kind: .monteCarlo, scenarioName: loaded.name, scenarioText: RunRecorder.text(of: name),
            commandLine: ["ouroboros"] + CommandLine.arguments.dropFirst(), seed: experiment.definition.seed,
            toolVersion: OuroborosVersion.current)
        let id = try Self.mapped { try store.beginExperiment(start, plannedRuns: runs, definitionJSON: try stored.encoded()) }
        self.id = id
        journal = ExperimentJournal(store: store, experiment: id)
        return (loaded, experiment)
    }

    /// The interrupted experiment `id` taken up again: rebuilt from the stored scenario text and
    /// definition (exit 65 when the rebuilt experiment differs from the stored one), with the runs
    /// already journalled in `completed`.
    func resume(_ id: RunID) throws -> (NetworkScenario, MonteCarloExperiment) {
        guard let store else {
            throw ValidationError("--resume reads the experiment from the run store; drop --no-store")
        }
        let recorded = try Self.mapped { try store.experimentDefinition(of: id) }
        guard recorded.record.kind == .monteCarlo else {
            throw ValidationError("--resume \(id): run \(id) is a \(recorded.record.kind) run, not a Monte Carlo experiment")
        }
        // Refuses a finished experiment and one whose process is alive (exit 64), then marks it ours.
        let (definition, journalled) = try Self.mapped { try store.resumeExperiment(id) }
        do {
            let rebuilt = try Self.rebuild(definition, id: id, store: store)
            for run in journalled {
                guard (0..<rebuilt.experiment.definition.runs).contains(run.index),
                    let outcome = try? StoredMonteCarlo.outcome(from: run.payload)
                else {
                    throw Self.dataError(
                        "run store '\(store.path)': run \(run.index) journalled for experiment \(id) cannot be read as a Monte Carlo outcome; the experiment cannot be resumed"
                    )
                }
                completed[run.index] = outcome
            }
            self.id = id
            journal = ExperimentJournal(store: store, experiment: id)
            return (rebuilt.scenario, rebuilt.experiment)
        } catch {
            // Leave it as it was found: interrupted, with its summary and journal, for a later attempt.
            try? store.finishExperiment(id, status: .interrupted, summary: definition.record.summary)
            throw error
        }
    }

    /// Queues run `index`'s outcome for the journal; safe from any worker thread, never blocks.
    /// A journal whose outcome cannot be written makes `finish` fail.
    var onRunCompleted: @Sendable (Int, RunOutcome) -> Void {
        guard let journal else { return { _, _ in } }
        return { index, outcome in
            if let payload = try? StoredMonteCarlo.payload(of: outcome) {
                journal.record(index: index, payload: payload)
            } else {
                journal.record(index: index, outcome: outcome)  // records why it cannot be encoded
            }
        }
    }

    /// Commits the last runs and records the end: `finished`, or `interrupted` (resumable) after
    /// Ctrl-C, with the summary of the runs done. Call after the results are printed.
    func finish(_ report: MonteCarloReport, interrupted: Bool) throws {
        guard let journal else { return }
        try Self.mapped {
            try journal.finish(status: interrupted ? .interrupted : .finished, summary: RunSummary(monteCarlo: report))
        }
        if interrupted, let id {
            StandardStreams.err(
                "interrupted: \(report.summary.runs + report.summary.failedRuns) of \(report.summary.definition.runs) runs are in the run store; `ouroboros montecarlo --resume \(id)` runs the rest"
            )
        }
    }

    // MARK: - Rebuilding a stored experiment

    /// The scenario and experiment that `definition` describes, checked against it.
    private static func rebuild(_ definition: ExperimentDefinition, id: RunID, store: RunStore) throws -> (
        scenario: NetworkScenario, experiment: MonteCarloExperiment
    ) {
        let refuse = { (why: String) -> ExitCode in
            dataError("cannot resume experiment \(id) of run store '\(store.path)': \(why)")
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
            shocks = try ShockOptions.parse(stored.definition.shocks, for: scenario)
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

    /// The file name a scenario reference is parsed as: a built-in's resource, else the file's absolute path.
    private static func parsedFile(of reference: String) -> String {
        if let entry = BuiltInScenarios.entry(named: reference), !FileManager.default.fileExists(atPath: reference) {
            return entry.resource
        }
        return URL(fileURLWithPath: reference).standardizedFileURL.path
    }

    /// Prints `message` as an error and returns exit 65.
    private static func dataError(_ message: String) -> ExitCode {
        StandardStreams.err("error: " + message)
        return ExitStatus.dataError
    }

    /// Runs `body`, turning a store error into its message and exit code.
    private static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw ExitStatus.report(error)
        }
    }
}

extension Ouroboros.MonteCarlo {
    /// `--resume` takes the experiment as recorded, so the arguments that define one are refused
    /// with it; `--shard` runs are not recorded, so a store named for one is refused too.
    func validateStoreUse() throws {
        if let resume {
            guard RunID(resume) != nil else {
                throw ValidationError("--resume '\(resume)': expected a run id (a positive integer, see `ouroboros runs`)")
            }
            var given: [String] = []
            if scenario != nil { given.append("a scenario") }
            if runs != nil { given.append("--runs") }
            if seed != nil { given.append("--seed") }
            if !shocks.isEmpty { given.append("--shock") }
            if shard != nil || out != nil { given.append("--shard/--out") }
            if !given.isEmpty {
                throw ValidationError(
                    "--resume \(resume) continues the experiment as recorded; drop \(given.joined(separator: ", ")) (`ouroboros show \(resume)` prints how it was started)"
                )
            }
            if store.noStore { throw ValidationError("--resume reads the experiment from the run store; drop --no-store") }
        }
        if shard != nil, store.path != nil {
            throw ValidationError("--shard runs are not recorded in the run store (the shard file is their record); drop --store")
        }
    }
}
