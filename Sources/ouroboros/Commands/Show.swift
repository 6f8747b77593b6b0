import ArgumentParser
import OuroborosReport
import OuroborosStore

extension Ouroboros {
    /// `ouroboros show RUN_ID`: one recorded run.
    struct Show: AsyncParsableCommand {
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
        var format: TextFormat = .table

        @Flag(help: "Print the stored scenario text instead.")
        var scenario = false

        @OptionGroup var store: StoreLocation

        func validate() throws {
            guard RunID(runID) != nil else {
                throw ValidationError("RUN_ID '\(runID)': expected a run id (a positive integer, see `ouroboros runs`)")
            }
            if format == .csv { throw ValidationError("show prints a table or json; for a run's CSV use `ouroboros export \(runID) --format csv`") }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let display = RunDisplay(id: RunID(runID)!, content: scenario ? .scenario : format == .json ? .json : .table)
                StandardStreams.out(try display.text(path: store.path, environment: store.environment))
            }
        }
    }
}
