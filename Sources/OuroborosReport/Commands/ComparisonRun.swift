public import OuroborosExperiments
public import OuroborosStore

/// `ouroboros compare`: several scenarios, or one under several sets of shocks, run once each and
/// set side by side; recorded in the run store with the outcomes and optionally written as an
/// HTML report.
public struct ComparisonRun: Sendable {
    /// The network scenarios (the default built-in when empty).
    public var scenarios: [ScenarioReference]
    /// Sets of shocks, each written as shocks separated by spaces or commas: one column each.
    public var shockSets: [String]
    /// The seed of every run (default: each scenario's).
    public var seed: UInt64?
    /// Where to write the HTML report as well.
    public var reportPath: String?
    /// The output format.
    public var format: TextFormat

    /// A comparison as asked.
    public init(scenarios: [ScenarioReference], shockSets: [String], seed: UInt64?, reportPath: String?, format: TextFormat) {
        self.scenarios = scenarios
        self.shockSets = shockSets
        self.seed = seed
        self.reportPath = reportPath
        self.format = format
    }

    /// The cases: each scenario (labelled `baseline` when alone), then the scenario under each set.
    public func cases() throws -> [ScenarioComparison.Case] {
        let references = scenarios.isEmpty ? [ScenarioReference(nil)] : scenarios
        var cases: [ScenarioComparison.Case] = []
        for reference in references {
            let loaded = try reference.loadForExperiment()
            cases.append(.init(label: references.count > 1 ? reference.shortName : "baseline", scenario: loaded, seed: seed))
            for set in shockSets {
                let texts = set.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                guard !texts.isEmpty else { throw RequestError("--shocks '\(set)': expected shocks such as rate:+300bp@2026-01") }
                let prefix = references.count > 1 ? "\(reference.shortName) + " : ""
                cases.append(.init(label: prefix + texts.joined(separator: " "), scenario: loaded, shocks: try loaded.shocks(texts), seed: seed))
            }
        }
        if cases.count == 1 {
            throw RequestError("nothing to compare: give two or more scenarios, or --shocks sets")
        }
        return cases
    }

    /// Runs every case on `threads` workers.
    public func run(recording: RunRecording, threads: Int) async throws -> ExperimentOutput {
        let references = scenarios.isEmpty ? [ScenarioReference(nil)] : scenarios
        let cases = try cases()
        let single = references.count == 1
        try recording.begin(
            .comparison, name: single ? cases[0].scenario.name : references.map(\.shortName).joined(separator: " vs "),
            scenarios: references, seed: seed ?? (single ? cases[0].scenario.seed : nil))
        let outcomes = await ScenarioComparison(cases: cases).runKeepingResults(threads: threads)
        let report = ComparisonReport(columns: outcomes.map(\.column))
        let text = format.render(table: report.table, csv: report.csv, json: report.json)
        try recording.finish(summary: RunSummary(comparison: report))
        try ExperimentHTMLFile.comparison(outcomes, cases: cases, to: reportPath)
        return ExperimentOutput(text: text, interrupted: false)
    }
}
