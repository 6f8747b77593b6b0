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
            """
        )

        @Argument(help: "A network scenario file or built-in name (default: ai-capex-2025).")
        var scenario: String?

        @Option(help: "Number of runs.")
        var runs = 1000

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

        func validate() throws {
            try ExperimentReportWriter.validate(reportPath)
            guard (1...10_000_000).contains(runs) else { throw ValidationError("--runs must be between 1 and 10000000, found \(runs)") }
            if let shard, ShardSpec(parsing: shard) == nil {
                throw ValidationError("--shard '\(shard)': expected I/N with 1 ≤ I ≤ N, e.g. 2/4")
            }
            if (shard == nil) != (out == nil) { throw ValidationError("--shard and --out go together") }
        }

        func run() throws {
            let loaded = try ExperimentScenario.load(scenario)
            let parsed = try ShockOptions.parse(shocks, for: loaded)
            let experiment = MonteCarloExperiment(scenario: loaded, shocks: parsed, runs: runs, seed: seed ?? loaded.seed)
            let slice = shard.flatMap(ShardSpec.init(parsing:))
            let progress = ExperimentProgress(total: experiment.indices(shard: slice).count, quiet: options.quiet)
            let interrupt = InterruptHandler()
            let threads = options.workerThreads
            let outcomes = blocking {
                await experiment.run(shard: slice, threads: threads, cancellation: interrupt.flag) { _, _ in progress.advance() }
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
                    StandardStreams.out("shard \(slice) of \(experiment.definition.scenario) (seed \(experiment.definition.seed), \(runs) runs): runs \(range.lowerBound)…\(range.upperBound - 1) written to \(out)\(note)\n")
                }
            } else {
                let report = MonteCarloReport(summary: experiment.summary(of: outcomes))
                StandardStreams.out(options.format.render(table: report.table, csv: report.csv, json: report.json))
            }
            try ExperimentReportWriter.monteCarlo(experiment.summary(of: outcomes), scenario: loaded, to: reportPath)
            if interrupt.interrupted { throw ExitCode(InterruptHandler.exitStatus) }
        }
    }
}
