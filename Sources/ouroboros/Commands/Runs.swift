import ArgumentParser
import OuroborosReport
import OuroborosStore

extension Ouroboros {
    /// `ouroboros runs`: list the recorded runs, or delete some with `--prune`.
    struct Runs: AsyncParsableCommand {
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
        var format: TextFormat = .table

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

        func run() async throws {
            try await ExitStatus.mapping {
                guard prune else {
                    StandardStreams.out(try RunListReport(path: store.path, environment: store.environment, limit: limit).rendered(format))
                    return
                }
                StandardStreams.out(try RunPruning.prune(pruning, path: store.path, environment: store.environment))
            }
        }

        /// The runs `--before`, `--keep` or `--id` choose (one of them, validated).
        private var pruning: RunStore.Pruning {
            if let before, let instant = Timestamp.parse(before) { return .startedBefore(instant) }
            if let keep { return .keepNewest(keep) }
            return .ids(ids.compactMap(RunID.init))
        }
    }
}
