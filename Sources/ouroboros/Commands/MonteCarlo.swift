import ArgumentParser
import Foundation
import OuroborosExperiments
import OuroborosReport
import OuroborosScenario

extension Ouroboros {
    /// `ouroboros montecarlo [SCENARIO] --runs N [--seed S] [--threads T]`.
    struct MonteCarlo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "montecarlo",
            abstract: "Run a scenario many times with its uncertain: parameters drawn; print how likely and when the loop breaks.",
            discussion: """
                Each run draws every `uncertain:` parameter of the scenario (the built-in ai-capex-2025 ships \
                ranges for its assumed figures) from a generator seeded by (--seed, run index) only, so the \
                same seed prints the same bytes for any --threads and any shard split. Prints the probability \
                that the loop has broken by the end of each year (95% Wilson interval), when it breaks, who \
                fails first, and the 5/50/95% quantiles of key series. \
                Sharding: --shard I/N --out FILE runs the I-th of N slices and writes them to FILE; \
                `ouroboros merge FILES...` prints what the unsharded command prints. \
                Ctrl-C stops taking runs and prints the runs done so far (marked partial), exit 130.

                The experiment is recorded in the run store (see `ouroboros runs`; --store PATH, --no-store) \
                and journals each run as it completes: after Ctrl-C or a killed process, --resume RUN_ID \
                runs only the missing runs and prints what the uninterrupted command prints (with --resume \
                the scenario, --runs, --seed and --shock come from the store). --shard runs are not recorded: \
                the shard file is their record.
                """
        )

        @Argument(help: "A network scenario file or built-in name (default: ai-capex-2025).")
        var scenario: String?

        @Option(help: "Number of runs (default: 1000).")
        var runs: Int?

        @Option(help: "Seed of the draws (default: the scenario's seed).")
        var seed: UInt64?

        @Option(name: .customLong("shock"), help: "A shock KIND:SIZE@DATE added to every run (repeatable).")
        var shocks: [String] = []

        @Option(help: "Run only slice I of N (e.g. 2/4); needs --out.")
        var shard: String?

        @Option(help: "Where --shard writes its runs (JSON, see docs/experiments.md).")
        var out: String?

        @Option(name: .customLong("report"), help: "Also write a self-contained HTML report of the experiment to this file.")
        var reportPath: String?

        @OptionGroup var options: ExperimentOptions

        @Option(help: ArgumentHelp("Continue the interrupted experiment RUN_ID of the run store.", valueName: "run-id"))
        var resume: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            try ExperimentReportWriter.validate(reportPath)
            if let runs, !(1...10_000_000).contains(runs) { throw ValidationError("--runs must be between 1 and 10000000, found \(runs)") }
            try validateStoreUse()
            if let shard, ShardSpec(parsing: shard) == nil {
                throw ValidationError("--shard '\(shard)': expected I/N with 1 ≤ I ≤ N, e.g. 2/4")
            }
            if (shard == nil) != (out == nil) { throw ValidationError("--shard and --out go together") }
        }

        func run() throws {
            let recording = try MonteCarloRecording(store, sharded: shard != nil, resuming: resume)  // the store is opened before any work
            let (loaded, experiment) = try recording.start(resuming: resume, scenario: scenario, shocks: shocks, runs: runs ?? 1000, seed: seed)
            let runs = experiment.definition.runs
            let slice = shard.flatMap(ShardSpec.init(parsing:))
            let completed = recording.completed
            let progress = ExperimentProgress(total: experiment.indices(shard: slice).count - completed.count, quiet: options.quiet)
            let interrupt = InterruptHandler()
            let threads = options.workerThreads
            let journal = recording.onRunCompleted
            let outcomes = blocking {
                await experiment.run(shard: slice, threads: threads, completed: completed, cancellation: interrupt.flag) { index, outcome in
                    journal(index, outcome)
                    progress.advance()
                }
            }
            interrupt.remove()
            progress.finish()
            if let slice, let out {
                let file = ShardFile(definition: experiment.definition, shard: slice, outcomes: outcomes)
                do {
                    try AtomicFile.write(Array(try file.encoded()), to: out)
                } catch {
                    StandardStreams.err("error: cannot write \(out): \(error)")
                    throw ExitStatus.usage
                }
                let range = slice.runs(of: runs)
                let note = file.complete ? "" : " (interrupted: \(outcomes.count) of \(range.count) runs)"
                if !options.quiet {
                    StandardStreams.out(
                        "shard \(slice) of \(experiment.definition.scenario) (seed \(experiment.definition.seed), \(runs) runs): runs \(range.lowerBound)…\(range.upperBound - 1) written to \(out)\(note)\n"
                    )
                }
            } else {
                let report = MonteCarloReport(summary: experiment.summary(of: outcomes))
                StandardStreams.out(options.format.render(table: report.table, csv: report.csv, json: report.json))
                try recording.finish(report, interrupted: interrupt.interrupted)
            }
            try ExperimentReportWriter.monteCarlo(experiment.summary(of: outcomes), scenario: loaded, to: reportPath)
            if interrupt.interrupted { throw ExitCode(InterruptHandler.exitStatus) }
        }
    }
}
