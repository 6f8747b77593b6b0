import ArgumentParser
import OuroborosReport
import OuroborosStore

extension Ouroboros {
    /// `ouroboros export RUN_ID`: a recorded run as CSV, JSON or a standalone SQLite file.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a recorded run as CSV, JSON or a standalone SQLite database.",
            discussion: """
                csv: the run's series exactly as `ouroboros run --format csv` printed them. json: everything \
                recorded (metadata, summary, scenario text, series, and an experiment's journalled runs). \
                sqlite: a database with this run only, in the store's own format (so `ouroboros runs --store \
                FILE` reads it); it needs --out. Files are written atomically (a temporary file in the same \
                folder, renamed when complete). An unknown RUN_ID is a usage error (exit 64).
                """
        )

        @Argument(help: "The run's id (see `ouroboros runs`).")
        var runID: String

        @Option(help: "Export format: csv, json or sqlite.")
        var format: RunExport.Format = .csv

        @Option(help: ArgumentHelp("Write to this file instead of standard output (required for sqlite).", valueName: "file"))
        var out: String?

        @OptionGroup var store: StoreLocation

        func validate() throws {
            guard RunID(runID) != nil else {
                throw ValidationError("RUN_ID '\(runID)': expected a run id (a positive integer, see `ouroboros runs`)")
            }
            if format == .sqlite, out == nil { throw ValidationError("--format sqlite writes a database file; give it with --out FILE") }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let export = RunExport(id: RunID(runID)!, format: format, out: out)
                if let text = try export.run(path: store.path, environment: store.environment) { StandardStreams.out(text) }
            }
        }
    }
}
