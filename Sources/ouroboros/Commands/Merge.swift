import ArgumentParser
import OuroborosReport

extension Ouroboros {
    /// `ouroboros merge FILES... --format F`: the shards of one Monte Carlo experiment, merged.
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the shard files of a Monte Carlo experiment and print its results.",
            discussion: """
                FILES are written by `ouroboros montecarlo --shard I/N --out FILE`. They must be slices of the \
                same experiment (scenario, seed, runs, shocks, parameters) and together hold every run; the \
                output is byte for byte what the unsharded `ouroboros montecarlo` prints with the same --format. \
                The merged result is recorded in the run store as a montecarlo run with its summary (see \
                `ouroboros runs`; --store PATH, --no-store); the shard files keep the runs themselves, and \
                hold the scenario's hash but not its text, so none is stored.
                """
        )

        @Argument(help: "Shard files (JSON).")
        var files: [String]

        @Option(help: "Output format: table, csv or json.")
        var format: TextFormat = .table

        @Flag(help: "Accepted for symmetry with the other experiment commands (merging draws no progress line).")
        var quiet = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give the shard files to merge") }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = try store.recording()  // a store that cannot be used stops us before any work
                StandardStreams.out(try ShardMerge(files: files, format: format).run(recording: recording))
            }
        }
    }
}
