import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros compare A.yaml B.yaml [...]` or `ouroboros compare [SCENARIO] --shocks SET --shocks SET`.
    struct Compare: AsyncParsableCommand {
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

        func validate() throws { try ExperimentReportArgument.validate(reportPath) }

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = try store.recording()  // a store that cannot be used stops us before any work
                let comparison = ComparisonRun(
                    scenarios: scenarios.map(ScenarioReference.init), shockSets: shockSets, seed: seed, reportPath: reportPath, format: options.format
                )
                try await comparison.run(recording: recording, threads: options.workerThreads).print()
            }
        }
    }
}
