import ArgumentParser
import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import OuroborosStore

extension Ouroboros {
    /// `ouroboros tipping [SCENARIO] --shock KIND@DATE [--range LO..HI] [--by DATE]`.
    struct Tipping: ParsableCommand {
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
        var format: OutputFormat = .table

        @Flag(help: "No progress line.")
        var quiet = false

        @OptionGroup var store: StoreOptions

        @Option(name: .customLong("report"), help: "Also write a self-contained HTML report of the experiment to this file.")
        var reportPath: String?

        func validate() throws { try ExperimentReportWriter.validate(reportPath) }

        func run() throws {
            let recorder = try RunRecorder(store)  // a store that cannot be used stops us before any work
            let loaded = try ExperimentScenario.load(scenario)
            let template = try Self.template(shock, in: loaded)
            var mild: Double?
            var severe: Double?
            if let range {
                let ends = range.components(separatedBy: "..")
                guard ends.count == 2 else { throw ValidationError("--range '\(range)': expected LO..HI such as 0bp..800bp") }
                mild = try Self.size(ends[0], like: template, in: loaded)
                severe = try Self.size(ends[1], like: template, in: loaded)
            }
            let deadline = try by.map { try ExperimentScenario.period($0, option: "--by", in: loaded, lastMonth: true) }
            let search: TippingPointSearch
            do {
                search = try TippingPointSearch(scenario: loaded, shock: template, mild: mild, severe: severe, deadline: deadline, seed: seed)
            } catch {
                throw ValidationError("--shock '\(shock)': \(error)")
            }
            try recorder.begin(.tipping, name: loaded.name, scenario: scenario ?? BuiltInScenarios.defaultName, seed: search.seed)
            let interrupt = InterruptHandler()
            let progress = ExperimentProgress(total: 0, noun: "runs of the search", quiet: quiet)
            let point: TippingPoint
            do {
                point = try recorder.failing { try search.run(cancellation: interrupt.flag) { _ in progress.advance() } }
            } catch {
                interrupt.remove()
                progress.finish()
                throw ExitStatus.report(error)
            }
            interrupt.remove()
            progress.finish()
            let report = TippingReport(point: point, scenario: loaded, seed: search.seed)
            StandardStreams.out(format.render(table: report.table, csv: report.csv, json: report.json))
            try recorder.finish(summary: RunSummary(tipping: report), interrupted: interrupt.interrupted)
            try ExperimentReportWriter.tipping(point, scenario: loaded, seed: search.seed, to: reportPath)
            if interrupt.interrupted { throw ExitCode(InterruptHandler.exitStatus) }
        }

        /// `KIND@DATE` (or `KIND:SIZE@DATE`) as a shock whose size the search sets.
        static func template(_ text: String, in scenario: NetworkScenario) throws -> NetworkShock {
            guard let at = text.lastIndex(of: "@") else {
                throw ValidationError("--shock '\(text)': expected KIND@DATE such as rate@2026-01")
            }
            let head = String(text[..<at])
            let date = String(text[text.index(after: at)...])
            let kindText = head.split(separator: ":").first.map(String.init) ?? head
            guard let kind = NetworkShock.Kind(rawValue: kindText.lowercased()) else {
                throw ValidationError(
                    "--shock '\(text)': unknown kind '\(kindText)'; expected one of rate, liquidity, chips, power, demand, crypto, sentiment")
            }
            let placeholder: String =
                switch kind {
                case .rate: "+1bp"
                case .liquidity: "-1B"
                case .chips: "delay=1m"
                case .credit: "freeze"
                case .default: scenario.entities.first?.id ?? "none"
                default: "-1%"
                }
            do {
                return try NetworkShock.parse(
                    "\(kind.rawValue):\(placeholder)@\(date)", calendar: scenario.calendar,
                    entityIDs: scenario.entities.map(\.id))
            } catch {
                throw ValidationError("--shock '\(text)': \(error.problem)")
            }
        }

        /// A size written in the units of `template`'s kind (`300bp`, `-500B`, `6m`, `-30%`).
        static func size(_ text: String, like template: NetworkShock, in scenario: NetworkScenario) throws -> Double {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let written = template.kind == .chips && !trimmed.hasPrefix("delay=") ? "delay=\(trimmed)" : trimmed
            if template.kind == .chips, trimmed == "0" || trimmed == "0m" { return 0 }
            let date = scenario.calendar.label(template.period)
            do {
                return try NetworkShock.parse(
                    "\(template.kind.rawValue):\(written)@\(date)", calendar: scenario.calendar,
                    entityIDs: scenario.entities.map(\.id)
                ).size
            } catch {
                throw ValidationError("--range end '\(text)': \(error)")
            }
        }
    }
}
