import Foundation
import OuroborosEngine
public import OuroborosExperiments
public import OuroborosStore

/// `ouroboros tipping`: the smallest size of a shock that breaks the loop, found by bisection,
/// recorded in the run store with its answer and optionally written as an HTML report.
public struct TippingSearchRun: Sendable {
    /// The network scenario.
    public var scenario: ScenarioReference
    /// The shock `KIND@DATE` whose size is searched.
    public var shock: String
    /// Mild and severe sizes `LO..HI` in the shock's units (default: the kind's).
    public var range: String?
    /// Count only breaks by this date (default: the calendar's end).
    public var by: String?
    /// The seed of the runs (default: the scenario's).
    public var seed: UInt64?
    /// The output format.
    public var format: TextFormat
    /// Where to write the HTML report as well.
    public var reportPath: String?

    /// A search as asked.
    public init(scenario: ScenarioReference, shock: String, range: String?, by: String?, seed: UInt64?, format: TextFormat, reportPath: String?) {
        self.scenario = scenario
        self.shock = shock
        self.range = range
        self.by = by
        self.seed = seed
        self.format = format
        self.reportPath = reportPath
    }

    /// Runs the search until done or `cancellation` is set, reporting each run to `progress`.
    public func run(recording: RunRecording, cancellation: CancellationFlag, progress: some ExperimentProgress) throws -> ExperimentOutput {
        let network = try scenario.loadForExperiment()
        let template = try network.shockTemplate(shock)
        var mild: Double?
        var severe: Double?
        if let range {
            let ends = range.components(separatedBy: "..")
            guard ends.count == 2 else { throw RequestError("--range '\(range)': expected LO..HI such as 0bp..800bp") }
            mild = try network.shockSize(ends[0], like: template)
            severe = try network.shockSize(ends[1], like: template)
        }
        let deadline = try by.map { text throws(RequestError) in try network.period(of: text, option: "--by", lastMonth: true) }
        let search: TippingPointSearch
        do {
            search = try TippingPointSearch(scenario: network, shock: template, mild: mild, severe: severe, deadline: deadline, seed: seed)
        } catch {
            throw RequestError("--shock '\(shock)': \(error)")
        }
        try recording.begin(.tipping, name: network.name, scenario: scenario, seed: search.seed)
        progress.begin(total: 0, noun: "runs of the search")
        defer { progress.finish() }
        let point = try recording.failing { try search.run(cancellation: cancellation) { _ in progress.advance() } }
        let report = TippingReport(point: point, scenario: network, seed: search.seed)
        let text = format.render(table: report.table, csv: report.csv, json: report.json)
        try recording.finish(summary: RunSummary(tipping: report), interrupted: cancellation.isCancelled)
        try ExperimentHTMLFile.tipping(point, scenario: network, seed: search.seed, to: reportPath)
        return ExperimentOutput(text: text, interrupted: cancellation.isCancelled)
    }
}
