public import OuroborosEngine
public import OuroborosExperiments
import OuroborosScenario

/// `ouroboros warnings`: a network run read by the early-warning indicators (M12), optionally
/// beside observed values, rendered in one format.
public struct EarlyWarningRun: Sendable {
    /// The network scenario.
    public var scenario: ScenarioReference
    /// Shocks `KIND:SIZE@DATE`.
    public var shocks: [String]
    /// The seed (default: the scenario's).
    public var seed: UInt64?
    /// The output format.
    public var format: TextFormat
    /// Threshold overrides `NAME=VALUE`.
    public var thresholdOverrides: [String]
    /// A CSV of observed values `indicator,period,value`.
    public var observedPath: String?

    /// A reading as asked.
    public init(
        scenario: ScenarioReference, shocks: [String], seed: UInt64?, format: TextFormat, thresholdOverrides: [String], observedPath: String?
    ) {
        self.scenario = scenario
        self.shocks = shocks
        self.seed = seed
        self.format = format
        self.thresholdOverrides = thresholdOverrides
        self.observedPath = observedPath
    }

    /// The default thresholds with `overrides` (`NAME=VALUE`) applied; a `RequestError` names a bad one.
    public static func thresholds(_ overrides: [String]) throws(RequestError) -> WarningThresholds {
        var thresholds = WarningThresholds()
        for text in overrides {
            do {
                try thresholds.apply(text)
            } catch {
                throw RequestError("--threshold '\(text)': \(error)")
            }
        }
        return thresholds
    }

    /// Runs the scenario and returns the output.
    public func run() throws -> String {
        let thresholds = try Self.thresholds(thresholdOverrides)
        let observed = try observedPath.map { try ObservedIndicators.read(path: $0) }
        let network = try scenario.loadNetwork(refusing: "early warnings read network scenarios")
        let parsed = try network.shocks(shocks)
        let run = try NetworkSimulation(scenario: network, shocks: parsed).runWithDetail(seed: seed)
        let warnings = EarlyWarnings(run: run.result, calendar: network.calendar, detail: run.detail)
        let report = EarlyWarningReport(
            warnings: warnings, thresholds: thresholds, observed: observed, scenarioName: network.name, seed: run.result.seed,
            shocks: (network.shocks + parsed).map(\.text))
        return format.render(table: { report.table() }, csv: { report.csv() }, json: { report.json() })
    }
}
