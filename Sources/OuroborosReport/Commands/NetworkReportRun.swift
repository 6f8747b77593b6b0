import OuroborosEngine
public import OuroborosExperiments
public import OuroborosStore

/// `ouroboros report`: one network run written as a self-contained HTML report, recorded in the
/// run store like `ouroboros run`.
public struct NetworkReportRun: Sendable {
    /// The network scenario.
    public var scenario: ScenarioReference
    /// Shocks `KIND:SIZE@DATE`.
    public var shocks: [String]
    /// The seed (default: the scenario's).
    public var seed: UInt64?
    /// The month whose money flows and matrices are shown (`YYYY-MM` or a period label).
    public var period: String?
    /// Where to write the report.
    public var path: String

    /// A report as asked.
    public init(scenario: ScenarioReference, shocks: [String], seed: UInt64?, period: String?, path: String) {
        self.scenario = scenario
        self.shocks = shocks
        self.seed = seed
        self.period = period
        self.path = path
    }

    /// Runs and writes it, recording in `recording`; returns the line that says what was written.
    public func run(recording: RunRecording) throws -> String {
        let network = try scenario.loadNetwork(refusing: "reports cover network scenarios (see `ouroboros scenarios`)")
        let parsed = try network.shocks(shocks)
        try recording.begin(.report, name: network.name, scenario: scenario, seed: seed ?? network.seed)
        let run = try recording.failing {
            let run = try NetworkSimulation(scenario: network, shocks: parsed).runWithDetail(seed: seed)
            let flowPeriod = try period.map { text throws(RequestError) in try NetworkRunHTMLFile.period(text, labels: run.result.periodLabels) }
            try NetworkRunHTMLFile.write(run, scenario: network, shocks: (network.shocks + parsed).map(\.text), flowPeriod: flowPeriod, to: path)
            return run
        }
        try recording.finish(summary: RunSummary(network: run.result), series: RunSeries(network: run.result))
        let s = run.result.summary
        return "wrote \(path): the loop \(s.broke ? "breaks in \(s.breakLabel ?? "?")" : "holds through \(run.result.periodLabels.last ?? "")")\n"
    }
}
