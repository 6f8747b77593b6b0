import ArgumentParser
import OuroborosCore
import OuroborosReport
import OuroborosStore

extension Ouroboros {
    /// `ouroboros runs`: list the recorded runs, or delete some with `--prune`.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the runs recorded in the run store, newest first, or delete some with --prune.",
            discussion: """
                Every `ouroboros run` (and experiment) is recorded in the run store: $OUROBOROS_STORE, else \
                ~/.ouroboros/runs.sqlite, or the file given with --store. The list shows each run's id (for \
                `ouroboros show ID` and `ouroboros export ID`), kind, scenario, start time (UTC), status and \
                summary. A run whose process died while it was running is shown as interrupted.

                --prune deletes runs with their series: --before DATE (UTC; 2026-11-01 or 2026-11-01T12:00:00), \
                --keep N (all but the N newest) or --id ID (repeatable). Runs still being written by a live \
                process are never deleted.
                """
        )

        @Option(help: "Output format: table, csv or json.")
        var format: OutputFormat = .table

        @Option(help: "List at most this many runs.")
        var limit: Int?

        @Flag(help: "Delete the runs chosen by --before, --keep or --id instead of listing.")
        var prune = false

        @Option(help: ArgumentHelp("With --prune: delete the runs started before this date (UTC).", valueName: "date"))
        var before: String?

        @Option(help: ArgumentHelp("With --prune: keep only the N newest runs.", valueName: "n"))
        var keep: Int?

        @Option(name: .customLong("id"), help: ArgumentHelp("With --prune: delete this run (repeatable).", valueName: "id"))
        var ids: [String] = []

        @OptionGroup var store: StoreLocation

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, found \(limit)") }
            let selections = [before != nil, keep != nil, !ids.isEmpty].filter { $0 }.count
            if prune {
                guard selections == 1 else {
                    throw ValidationError("--prune needs exactly one of --before DATE, --keep N or --id ID")
                }
                if limit != nil { throw ValidationError("--limit applies to listing, not to --prune") }
            } else if selections > 0 {
                throw ValidationError("--before, --keep and --id choose runs to delete; add --prune")
            }
            if let keep, keep < 0 { throw ValidationError("--keep must be 0 or more, found \(keep)") }
            if let before, Timestamp.parse(before) == nil {
                throw ValidationError("--before '\(before)': expected a UTC date like 2026-11-01 or 2026-11-01T12:00:00")
            }
            for id in ids where RunID(id) == nil {
                throw ValidationError("--id '\(id)': expected a run id (a positive integer, see `ouroboros runs`)")
            }
        }

        func run() throws {
            do {
                if prune { try pruneRuns() } else { try list() }
            } catch {
                throw ExitStatus.report(error)
            }
        }

        private func list() throws {
            let records = try store.openExisting()?.runs(limit: limit) ?? []
            switch format {
            case .table:
                guard !records.isEmpty else {
                    StandardStreams.out("No runs recorded in \(store.resolvedPath).\n")
                    return
                }
                var table = TextTable(header: ["id", "kind", "scenario", "started (UTC)", "status", "summary"], textColumns: [1, 2, 3, 4, 5])
                for record in records {
                    table.rows.append([
                        record.id.description, record.kind.rawValue, record.scenarioName, record.startedShort,
                        record.reportedStatus.rawValue, record.summaryText,
                    ])
                }
                StandardStreams.out(table.rendered())
            case .csv:
                var out = "id,kind,scenario,started_at,finished_at,status,holds,break_period,first_failure,summary,seed,scenario_sha256\n"
                for r in records {
                    let fields = [
                        r.id.description, r.kind.rawValue, r.scenarioName, r.startedAt, r.finishedAt ?? "",
                        r.reportedStatus.rawValue, r.summary?.holds.map(String.init) ?? "", r.summary?.breakPeriod ?? "",
                        r.summary?.firstFailure ?? "", r.summaryText, r.seed.map(String.init) ?? "", r.scenarioHash,
                    ]
                    out += fields.map(NumberText.csvField).joined(separator: ",") + "\n"
                }
                StandardStreams.out(out)
            case .json:
                func string(_ text: String?) -> String { text.map(NumberText.jsonString) ?? "null" }
                let items = records.map { r in
                    "    {\"id\": \(r.id), \"kind\": \(string(r.kind.rawValue)), \"scenario\": \(string(r.scenarioName)), "
                        + "\"started_at\": \(string(r.startedAt)), \"finished_at\": \(string(r.finishedAt)), "
                        + "\"status\": \(string(r.reportedStatus.rawValue)), \"holds\": \(r.summary?.holds.map(String.init) ?? "null"), "
                        + "\"break_period\": \(string(r.summary?.breakPeriod)), \"first_failure\": \(string(r.summary?.firstFailure)), "
                        + "\"summary\": \(string(r.summaryText)), \"seed\": \(r.seed.map(String.init) ?? "null"), "
                        + "\"scenario_sha256\": \(string(r.scenarioHash)), \"planned_runs\": \(r.plannedRuns.map(String.init) ?? "null"), "
                        + "\"completed_runs\": \(r.completedRuns.map(String.init) ?? "null")}"
                }
                StandardStreams.out(
                    "{\n  \"store\": \(string(store.resolvedPath)),\n  \"runs\": ["
                        + (items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ") + "]\n}\n")
            }
        }

        private func pruneRuns() throws {
            guard let opened = try store.openExisting() else {
                if !ids.isEmpty, let first = ids.first.flatMap(RunID.init) { throw StoreError.unknownRun(first, path: store.resolvedPath) }
                StandardStreams.out("Deleted 0 runs: there is no run store at \(store.resolvedPath).\n")
                return
            }
            let pruning: RunStore.Pruning
            if let before, let instant = Timestamp.parse(before) {
                pruning = .startedBefore(instant)
            } else if let keep {
                pruning = .keepNewest(keep)
            } else {
                pruning = .ids(ids.compactMap(RunID.init))
            }
            let result = try opened.prune(pruning)
            let count = result.deleted.count
            var out = "Deleted \(count) run\(count == 1 ? "" : "s") (with their series and journals) from \(opened.path)"
            let shown = result.deleted.prefix(20).map(\.description).joined(separator: ", ")
            out += count == 0 ? ".\n" : ": " + shown + (count > 20 ? ", … (\(count - 20) more)" : "") + ".\n"
            if !result.stillRunning.isEmpty {
                out +=
                    "Kept \(result.stillRunning.count) still running in a live process: "
                    + result.stillRunning.map(\.description).joined(separator: ", ") + ".\n"
            }
            StandardStreams.out(out)
        }
    }
}
