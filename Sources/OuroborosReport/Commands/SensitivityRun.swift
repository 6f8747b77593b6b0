public import OuroborosExperiments
public import OuroborosStore

/// `ouroboros sensitivity`: the uncertain parameters ranked by how much they move an outcome
/// (Morris or Sobol), recorded in the run store with the ranking and optionally written as an
/// HTML report.
public struct SensitivityRun: Sendable {
    /// The design.
    public enum Method: String, CaseIterable, Sendable {
        /// Morris elementary effects.
        case morris
        /// Sobol indices (Saltelli scheme).
        case sobol
    }

    /// The network scenario.
    public var scenario: ScenarioReference
    /// The design.
    public var method: Method
    /// Trajectories (Morris) or base samples (Sobol).
    public var runs: Int
    /// What each run measures: `broke`, `broke-by:YEAR`, `time-to-break` or `end:ENTITY.SERIES`.
    public var outcome: String
    /// Grid levels of the Morris design.
    public var levels: Int
    /// The seed of the design and the runs (default: the scenario's).
    public var seed: UInt64?
    /// Shocks `KIND:SIZE@DATE` added to every run.
    public var shocks: [String]
    /// Where to write the HTML report as well.
    public var reportPath: String?
    /// The output format.
    public var format: TextFormat

    /// A study as asked.
    public init(
        scenario: ScenarioReference, method: Method, runs: Int, outcome: String, levels: Int, seed: UInt64?, shocks: [String],
        reportPath: String?, format: TextFormat
    ) {
        self.scenario = scenario
        self.method = method
        self.runs = runs
        self.outcome = outcome
        self.levels = levels
        self.seed = seed
        self.shocks = shocks
        self.reportPath = reportPath
        self.format = format
    }

    /// Runs the study on `threads` workers until done or `cancellation` is set.
    public func run(recording: RunRecording, threads: Int, cancellation: CancellationFlag, progress: some ExperimentProgress) async throws
        -> ExperimentOutput
    {
        let network = try scenario.loadForExperiment()
        guard !network.uncertain.isEmpty else {
            throw RequestError("\(network.name) has no uncertain: parameters to vary; add an uncertain: section (docs/scenario-format.md)")
        }
        let parsed = try network.shocks(shocks)
        let measured: SensitivityOutcome
        switch SensitivityOutcome.parse(outcome, scenario: network) {
        case .success(let value): measured = value
        case .failure(let error): throw RequestError("--outcome '\(outcome)': \(error)")
        }
        let seed = self.seed ?? network.seed
        let design: SensitivityStudy.Method =
            method == .morris
            ? .morris(MorrisMethod(trajectories: runs, levels: levels, seed: seed))
            : .sobol(SobolMethod(samples: runs, seed: seed))
        let study = SensitivityStudy(scenario: network, shocks: parsed, outcome: measured, method: design, seed: seed)
        try recording.begin(.sensitivity, name: network.name, scenario: scenario, seed: seed)
        progress.begin(total: study.points.count, noun: "runs")
        let result = await study.run(threads: threads, cancellation: cancellation) { _, _ in progress.advance() }
        progress.finish()
        let shockTexts = parsed.map(\.text)
        let report = SensitivityReport(result: result, scenario: network.name, shocks: shockTexts)
        let text = format.render(table: report.table, csv: report.csv, json: report.json)
        try recording.finish(summary: RunSummary(sensitivity: report), interrupted: cancellation.isCancelled)
        try ExperimentHTMLFile.sensitivity(result, scenario: network, shocks: shockTexts, to: reportPath)
        return ExperimentOutput(text: text, interrupted: cancellation.isCancelled)
    }
}
