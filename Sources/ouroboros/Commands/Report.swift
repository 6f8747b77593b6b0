import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros report [SCENARIO] --out report.html`: one self-contained HTML report of a network run.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a self-contained HTML report of a network run (charts as inline SVG, no network access needed to view).",
            discussion: """
                SCENARIO is a network scenario file (YAML) or a built-in name; with none, ai-capex-2025 runs. The report \
                says whether the financing loop holds or breaks, when, the first failure and the chain of events; draws \
                market prices, cash, debt, revenue (also by origin: end users, investors, lenders, round trip), crypto and \
                other speculative assets and the policy rate over time; the money-flow Sankey and the balance-sheet and \
                transactions-flow matrices of one month (--period YYYY-MM; default: the month before the loop broke, else \
                the last); the network of firms with its capital cycles; and the scenario's deals with their sources. \
                The file is written atomically: a crash never leaves half a report.
                """
        )

        @Argument(help: "A network scenario file (YAML) or a built-in name; ai-capex-2025 when omitted.")
        var scenario: String?

        @Option(name: .customLong("shock"), help: "A shock KIND:SIZE@DATE, e.g. rate:+300bp@2026-01 (repeatable).")
        var shocks: [String] = []

        @Option(help: "Seed of the random generator (default: the scenario's seed).")
        var seed: UInt64?

        @Option(help: "The month (YYYY-MM, or a period label such as 2026Q2) whose money flows and matrices are shown.")
        var period: String?

        @Option(help: "Where to write the report (HTML).")
        var out: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = try store.recording()  // a store that cannot be used stops us before the run
                let report = NetworkReportRun(scenario: ScenarioReference(scenario), shocks: shocks, seed: seed, period: period, path: out)
                StandardStreams.out(try report.run(recording: recording))
            }
        }
    }
}
