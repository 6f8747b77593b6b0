import OuroborosCore
public import OuroborosExperiments
public import OuroborosStore

/// `ouroboros montecarlo`: a scenario run many times with its uncertain parameters drawn —
/// whole, as one slice of a sharded experiment (written to a shard file), or taken up again from
/// the run store after an interruption — recorded and journalled in the run store, optionally
/// written as an HTML report.
public struct MonteCarloRun: Sendable {
    /// The network scenario (ignored when resuming).
    public var scenario: ScenarioReference
    /// The number of runs.
    public var runs: Int
    /// The seed of the draws (default: the scenario's).
    public var seed: UInt64?
    /// Shocks `KIND:SIZE@DATE` added to every run.
    public var shocks: [String]
    /// Run only this slice, written to `shardPath`.
    public var shard: ShardSpec?
    /// Where a slice's runs are written.
    public var shardPath: String?
    /// The experiment of the run store to take up again.
    public var resume: RunID?
    /// Where to write the HTML report as well.
    public var reportPath: String?
    /// The output format.
    public var format: TextFormat

    /// An experiment as asked.
    public init(
        scenario: ScenarioReference, runs: Int, seed: UInt64?, shocks: [String], shard: ShardSpec?, shardPath: String?, resume: RunID?,
        reportPath: String?, format: TextFormat
    ) {
        self.scenario = scenario
        self.runs = runs
        self.seed = seed
        self.shocks = shocks
        self.shard = shard
        self.shardPath = shardPath
        self.resume = resume
        self.reportPath = reportPath
        self.format = format
    }

    /// Runs the experiment on `threads` workers until done or `cancellation` is set, journalling
    /// each run in `recording`'s store. A shard's answer is the line that says what was written.
    public func run(recording: MonteCarloRecording, threads: Int, cancellation: CancellationFlag, progress: some ExperimentProgress) async throws
        -> ExperimentOutput
    {
        let (scenario, experiment) =
            if let resume {
                try recording.resume(resume)
            } else {
                try recording.begin(scenario: self.scenario, shocks: shocks, runs: runs, seed: seed)
            }
        let definition = experiment.definition
        let completed = recording.completed
        progress.begin(total: experiment.indices(shard: shard).count - completed.count, noun: "runs")
        let outcomes = await experiment.run(
            shard: shard, threads: threads, completed: completed, cancellation: cancellation, onRunCompleted: recording.onRunCompleted(then: progress)
        )
        progress.finish()
        let interrupted = cancellation.isCancelled
        var output = ExperimentOutput(text: "", interrupted: interrupted)
        if let shard, let shardPath {
            let file = ShardFile(definition: definition, shard: shard, outcomes: outcomes)
            do {
                try AtomicFile.write(Array(try file.encoded()), to: shardPath)
            } catch {
                throw RequestFileError("cannot write \(shardPath): \(error)")
            }
            let range = shard.runs(of: definition.runs)
            let note = file.complete ? "" : " (interrupted: \(outcomes.count) of \(range.count) runs)"
            output.text =
                "shard \(shard) of \(definition.scenario) (seed \(definition.seed), \(definition.runs) runs): runs \(range.lowerBound)…\(range.upperBound - 1) written to \(shardPath)\(note)\n"
        } else {
            let report = MonteCarloReport(summary: experiment.summary(of: outcomes))
            output.text = format.render(table: report.table, csv: report.csv, json: report.json)
            let summary = report.summary
            if let note = try recording.finish(
                summary: RunSummary(monteCarlo: report), interrupted: interrupted, runsDone: summary.runs + summary.failedRuns, of: definition.runs)
            {
                output.notes.append(note)
            }
        }
        try ExperimentHTMLFile.monteCarlo(experiment.summary(of: outcomes), scenario: scenario, to: reportPath)
        return output
    }
}

extension MonteCarloRecording {
    /// Journals each completed run, then counts it in `progress`.
    fileprivate func onRunCompleted(then progress: some ExperimentProgress) -> @Sendable (Int, RunOutcome) -> Void {
        let journal = onRunCompleted
        return { index, outcome in
            journal(index, outcome)
            progress.advance()
        }
    }
}
