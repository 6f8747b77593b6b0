import ArgumentParser
import OuroborosReport
import OuroborosStore

extension Ouroboros {
    /// `ouroboros show RUN_ID`: one recorded run.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one recorded run: what ran, how, when, and what it answered.",
            discussion: """
                RUN_ID is an id from `ouroboros runs`. The table gives the run's metadata (kind, scenario and \
                its SHA-256, command line, seed, version, times, status), its summary and what data it stored; \
                `--format json` prints all of that and the scenario text as one object (the series and an \
                experiment's runs themselves: `ouroboros export`). \
                `--scenario` prints the scenario text exactly as the run read it, so that \
                `ouroboros show ID --scenario > s.yaml && ouroboros run s.yaml --seed SEED` reproduces it. \
                An unknown RUN_ID is a usage error (exit 64).
                """
        )

        @Argument(help: "The run's id (see `ouroboros runs`).")
        var runID: String

        @Option(help: "Output format: table or json.")
        var format: OutputFormat = .table

        @Flag(help: "Print the stored scenario text instead.")
        var scenario = false

        @OptionGroup var store: StoreLocation

        func validate() throws {
            guard RunID(runID) != nil else {
                throw ValidationError("RUN_ID '\(runID)': expected a run id (a positive integer, see `ouroboros runs`)")
            }
            if format == .csv { throw ValidationError("show prints a table or json; for a run's CSV use `ouroboros export \(runID) --format csv`") }
        }

        func run() throws {
            do {
                let id = RunID(runID)!
                let opened = try store.open(for: id)
                if scenario {
                    StandardStreams.out(try opened.scenarioText(of: id))
                } else if format == .json {
                    StandardStreams.out(try opened.exportJSON(of: id, data: false))
                } else {
                    StandardStreams.out(try table(opened.run(id), store: opened))
                }
            } catch {
                throw ExitStatus.report(error)
            }
        }

        private func table(_ record: RunRecord, store: RunStore) throws -> String {
            var lines: [(String, String)] = [
                (
                    "status",
                    record.reportedStatus.rawValue + (record.isOrphaned ? " (recorded as running; its process \(record.processID) is gone)" : "")
                ),
                ("scenario", record.scenarioName),
                ("sha256", record.scenarioHash + "  (`ouroboros show \(record.id) --scenario` prints the text)"),
                ("command", record.commandText),
                ("seed", record.seed.map(String.init) ?? "–"),
                ("version", record.toolVersion),
                ("host", "\(record.host), process \(record.processID)"),
                ("started", record.startedAt),
                ("finished", record.finishedAt ?? "–"),
            ]
            if let summary = record.summary {
                lines.append(("summary", summary.headline))
                if let holds = summary.holds { lines.append(("holds", holds ? "yes" : "no")) }
                if let period = summary.breakPeriod { lines.append(("breaks in", period)) }
                if let failure = summary.firstFailure { lines.append(("first failure", failure)) }
            }
            if let error = record.error { lines.append(("error", error)) }
            if let planned = record.plannedRuns {
                lines.append(("experiment", "\(record.completedRuns ?? 0) of \(planned) runs journalled"))
            }
            if record.seriesCount > 0, let series = try store.series(of: record.id) {
                lines.append(
                    (
                        "series",
                        "\(series.columns.count) series × \(series.periodLabels.count) periods "
                            + "(\(series.periodLabels.first ?? "") to \(series.periodLabels.last ?? "")); `ouroboros export \(record.id) --format csv`"
                    ))
            }
            let width = lines.map(\.0.count).max() ?? 0
            var out = "run \(record.id) · \(record.kind) · \(record.scenarioName)\n"
            for (label, value) in lines {
                out += "  " + label + String(repeating: " ", count: width - label.count) + "  " + value + "\n"
            }
            return out
        }
    }
}
