import ArgumentParser
import OuroborosCore
import OuroborosEngine
import OuroborosReport
import OuroborosScenario
import OuroborosStore

extension Ouroboros {
    /// `ouroboros report [SCENARIO] --out report.html`: one self-contained HTML report of a network run.
    struct Report: ParsableCommand {
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

        func run() throws {
            do {
                let recorder = try RunRecorder(store)  // a store that cannot be used stops us before the run
                let reference = self.scenario ?? BuiltInScenarios.defaultName
                let scenario = try NetworkScenarioArgument.load(
                    self.scenario, refusing: "reports cover network scenarios (see `ouroboros scenarios`)")
                let parsed = try ShockOptions.parse(shocks, for: scenario)
                try recorder.begin(.report, name: scenario.name, scenario: reference, seed: seed ?? scenario.seed)
                let run = try recorder.failing {
                    let run = try NetworkSimulation(scenario: scenario, shocks: parsed).runWithDetail(seed: seed)
                    let flowPeriod = try period.map { try Self.period($0, labels: run.result.periodLabels) }
                    try Self.write(run, scenario: scenario, shocks: (scenario.shocks + parsed).map(\.text), flowPeriod: flowPeriod, to: out)
                    return run
                }
                try recorder.finish(summary: RunSummary(network: run.result), series: RunSeries(network: run.result))
                let s = run.result.summary
                StandardStreams.out(
                    "wrote \(out): the loop \(s.broke ? "breaks in \(s.breakLabel ?? "?")" : "holds through \(run.result.periodLabels.last ?? "")")\n"
                )
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ExitStatus.report(error)
            }
        }

        /// The period index of `text` among `labels` (1 … T): a label as written (`2026-03`, `2026Q1`)
        /// or, for quarterly runs, the quarter holding the month `YYYY-MM`.
        static func period(_ text: String, labels: [String]) throws -> Int {
            let wanted = text.trimmingCharacters(in: .whitespaces)
            if let index = labels.indices.dropFirst().first(where: { labels[$0] == wanted }) { return index }
            let parts = wanted.split(separator: "-")
            if parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
                let quarter = "\(year)Q\((month - 1) / 3 + 1)"
                if let index = labels.indices.dropFirst().first(where: { labels[$0] == quarter }) { return index }
            }
            throw ValidationError("--period '\(text)': expected a month YYYY-MM between \(labels[1]) and \(labels[labels.count - 1])")
        }

        /// Writes the HTML report of `run` to `path` atomically; an unwritable path is a usage error (64).
        static func write(
            _ run: (result: NetworkRunResult, detail: RunDetail), scenario: NetworkScenario, shocks: [String],
            flowPeriod: Int?, to path: String
        ) throws {
            let report = NetworkRunHTMLReport(result: run.result, detail: run.detail, scenario: scenario, shocks: shocks, flowPeriod: flowPeriod)
            do {
                try AtomicFile.write(report.html(), to: path)
            } catch {
                StandardStreams.err("error: \(error)")
                throw ExitStatus.usage
            }
        }
    }
}
