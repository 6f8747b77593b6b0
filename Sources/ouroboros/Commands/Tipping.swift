import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros tipping [SCENARIO] --shock KIND@DATE [--range LO..HI] [--by DATE]`.
    struct Tipping: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the smallest size of a shock that breaks the loop (bisection).",
            discussion: """
                --shock names the kind and date, e.g. rate@2026-01, demand@2026-01, liquidity@2026-06, \
                chips@2026-01 (a size, if written, is ignored). --range gives the mild and the severe end in \
                the shock's units (defaults: rate 0bp..1000bp, liquidity 0..-3T, chips 0..36 months, power, \
                demand, crypto, sentiment 0%..-100%). --by DATE counts only breaks by then (default: the \
                horizon's end). Prints the size, the failure it causes first and the chain that follows, or \
                that no size in the range breaks the loop.

                The search is recorded in the run store with its answer (see `ouroboros runs`; --store PATH, \
                --no-store).
                """
        )

        @Argument(help: "A network scenario file or built-in name (default: ai-capex-2025).")
        var scenario: String?

        @Option(help: "The shock KIND@DATE whose size is searched, e.g. rate@2026-01.")
        var shock: String

        @Option(help: "Mild and severe sizes LO..HI, e.g. 0bp..800bp or 0%..-60%.")
        var range: String?

        @Option(help: "Count only breaks by this date (default: the end of the calendar).")
        var by: String?

        @Option(help: "Seed of the runs (default: the scenario's).")
        var seed: UInt64?

        @Option(help: "Output format: table, csv or json.")
        var format: TextFormat = .table

        @Flag(help: "No progress line.")
        var quiet = false

        @OptionGroup var store: StoreOptions

        @Option(name: .customLong("report"), help: "Also write a self-contained HTML report of the experiment to this file.")
        var reportPath: String?

        func validate() throws { try ExperimentReportArgument.validate(reportPath) }

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = try store.recording()  // a store that cannot be used stops us before any work
                let search = TippingSearchRun(
                    scenario: ScenarioReference(scenario), shock: shock, range: range, by: by, seed: seed, format: format, reportPath: reportPath)
                let interrupt = InterruptHandler()
                defer { interrupt.remove() }
                try search.run(recording: recording, cancellation: interrupt.flag, progress: ProgressLine(quiet: quiet, interrupt: interrupt)).print()
            }
        }
    }
}
