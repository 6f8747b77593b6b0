import OuroborosEngine
import OuroborosEquations
public import OuroborosExperiments
import OuroborosScenario
public import OuroborosStore

/// `ouroboros run`: a network scenario or an equation model run once, its results rendered in
/// one format and the run recorded (begun once the scenario is loaded, failed if it throws,
/// finished with its summary and series).
public struct ScenarioRun: Sendable {
    /// The scenario or model.
    public var scenario: ScenarioReference
    /// Periods to solve (equation models only).
    public var periods: Int?
    /// Shocks `KIND:SIZE@DATE` (network scenarios only).
    public var shocks: [String]
    /// The seed (network scenarios only; default: the scenario's).
    public var seed: UInt64?
    /// The output format.
    public var format: TextFormat
    /// Where to write the HTML report as well (network scenarios only).
    public var reportPath: String?

    /// A run as asked.
    public init(scenario: ScenarioReference, periods: Int?, shocks: [String], seed: UInt64?, format: TextFormat, reportPath: String?) {
        self.scenario = scenario
        self.periods = periods
        self.shocks = shocks
        self.seed = seed
        self.format = format
        self.reportPath = reportPath
    }

    /// Runs it, recording in `recording`, and returns the output.
    public func run(recording: RunRecording) throws -> String {
        switch try scenario.load() {
        case .equations(let spec):
            guard shocks.isEmpty, seed == nil, reportPath == nil else {
                throw RequestError(
                    "--shock, --seed and --report apply to network scenarios; an equation model takes its shocks from its file's `shocks:`")
            }
            try recording.begin(.equations, name: spec.name, scenario: scenario, seed: nil)
            let result = try recording.failing { try EquationModel.compile(spec).run(periods: periods) }
            let report = EquationRunReport(result: result, hiddenEquations: spec.hidden.map(\.text))
            let output = format.render(table: { report.table() }, csv: { report.csv() }, json: { report.json() })
            try recording.finish(
                summary: RunSummary(equations: result, hiddenEquations: report.hiddenEquations), series: RunSeries(equations: result))
            return output
        case .network(let network):
            guard periods == nil else {
                throw RequestError("--periods applies to equation models; a network scenario's horizon is its calendar's end")
            }
            let parsed = try network.shocks(shocks)
            try recording.begin(.network, name: network.name, scenario: scenario, seed: seed ?? network.seed)
            let simulation = try NetworkSimulation(scenario: network, shocks: parsed)
            let shockTexts = (network.shocks + parsed).map(\.text)
            let result: NetworkRunResult = try recording.failing {
                guard let reportPath else { return try simulation.run(seed: seed) }
                let run = try simulation.runWithDetail(seed: seed)
                try NetworkRunHTMLFile.write(run, scenario: network, shocks: shockTexts, flowPeriod: nil, to: reportPath)
                return run.result
            }
            let report = NetworkRunReport(result: result, shocks: shockTexts)
            let output = format.render(table: { report.table() }, csv: { report.csv() }, json: { report.json() })
            try recording.finish(summary: RunSummary(network: result), series: RunSeries(network: result))
            return output
        }
    }
}
