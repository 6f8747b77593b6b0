import ArgumentParser
import OuroborosExperiments
import OuroborosScenario
import OuroborosStore

extension Ouroboros {
    /// `ouroboros compare A.yaml B.yaml [...]` or `ouroboros compare [SCENARIO] --shocks SET --shocks SET`.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run several scenarios, or one under several sets of shocks, and set the outcomes side by side.",
            discussion: """
                Each SCENARIO (a file or built-in; the default built-in when none) is one column; with \
                --shocks, each scenario gets a baseline column and one column per set. A set is shocks \
                separated by spaces or commas, e.g. --shocks "rate:+300bp@2026-01 demand:-30%@2026-01". \
                Rows: whether and when the loop breaks, the first failure, defaults, and the key series \
                (AI equity index, sentiment, crypto price, AI firms' debt, labs' cash) at the end. \
                The comparison is recorded in the run store with its outcomes (see `ouroboros runs`; \
                --store PATH, --no-store); with several files, their texts are stored as one YAML stream.
                """
        )

        @Argument(help: "Network scenario files or built-in names (default: ai-capex-2025).")
        var scenarios: [String] = []

        @Option(name: .customLong("shocks"), help: "A set of shocks for one column (repeatable).")
        var shockSets: [String] = []

        @Option(help: "Seed of every run (default: each scenario's).")
        var seed: UInt64?

        @Option(name: .customLong("report"), help: "Also write a self-contained HTML report of the experiment to this file.")
        var reportPath: String?

        @OptionGroup var options: ExperimentOptions

        @OptionGroup var store: StoreOptions

        func validate() throws { try ExperimentReportWriter.validate(reportPath) }

        func run() throws {
            let recorder = try RunRecorder(store)  // a store that cannot be used stops us before any work
            let names = scenarios.isEmpty ? [BuiltInScenarios.defaultName] : scenarios
            var cases: [ScenarioComparison.Case] = []
            for name in names {
                let loaded = try ExperimentScenario.load(name)
                let label = names.count > 1 ? ExperimentScenario.shortName(name) : "baseline"
                cases.append(.init(label: label, scenario: loaded, seed: seed))
                for set in shockSets {
                    let texts = set.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                    guard !texts.isEmpty else { throw ValidationError("--shocks '\(set)': expected shocks such as rate:+300bp@2026-01") }
                    let parsed = try ShockOptions.parse(texts, for: loaded)
                    let prefix = names.count > 1 ? "\(ExperimentScenario.shortName(name)) + " : ""
                    cases.append(.init(label: prefix + texts.joined(separator: " "), scenario: loaded, shocks: parsed, seed: seed))
                }
            }
            if cases.count == 1 {
                throw ValidationError("nothing to compare: give two or more scenarios, or --shocks sets")
            }
            try recorder.begin(
                .comparison, name: names.count == 1 ? cases[0].scenario.name : names.map(ExperimentScenario.shortName).joined(separator: " vs "),
                scenarios: names, seed: seed ?? (names.count == 1 ? cases[0].scenario.seed : nil))
            let comparison = ScenarioComparison(cases: cases)
            let threads = options.workerThreads
            let outcomes = blocking { await comparison.runKeepingResults(threads: threads) }
            let report = ComparisonReport(columns: outcomes.map(\.column))
            StandardStreams.out(options.format.render(table: report.table, csv: report.csv, json: report.json))
            try recorder.finish(summary: RunSummary(comparison: report))
            try ExperimentReportWriter.comparison(outcomes, cases: cases, to: reportPath)
        }
    }
}
