import ArgumentParser
import Foundation
import OuroborosExperiments
import OuroborosStore

extension Ouroboros {
    /// `ouroboros merge FILES... --format F`: the shards of one Monte Carlo experiment, merged.
    struct Merge: ParsableCommand {
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
        var format: OutputFormat = .table

        @Flag(help: "Accepted for symmetry with the other experiment commands (merging draws no progress line).")
        var quiet = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("give the shard files to merge") }
        }

        func run() throws {
            let recorder = try RunRecorder(store)  // a store that cannot be used stops us before any work
            var shards: [(name: String, shard: ShardFile)] = []
            do {
                for file in files {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        StandardStreams.err("error: cannot read \(file)")
                        throw ExitStatus.usage
                    }
                    shards.append((file, try ShardFile.decode(data, file: file)))
                }
                let merged = try ShardFile.merge(shards)
                try recorder.begin(.monteCarlo, name: merged.definition.scenario, scenarioText: "", seed: merged.definition.seed)
                let report = MonteCarloReport(summary: MonteCarloSummary(definition: merged.definition, outcomes: merged.outcomes))
                StandardStreams.out(format.render(table: report.table, csv: report.csv, json: report.json))
                try recorder.finish(summary: RunSummary(monteCarlo: report))
            } catch let error as ShardFileError {
                StandardStreams.err("error: \(error)")
                throw ExitStatus.dataError
            }
        }
    }
}
