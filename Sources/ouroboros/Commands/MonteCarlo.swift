import ArgumentParser
import Foundation
import OuroborosExperiments
import OuroborosReport
import OuroborosStore

extension Ouroboros {
    /// `ouroboros montecarlo [SCENARIO] --runs N [--seed S] [--threads T]`.
    struct MonteCarlo: AsyncParsableCommand {
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
            try ExperimentReportArgument.validate(reportPath)
            if let runs, !(1...10_000_000).contains(runs) { throw ValidationError("--runs must be between 1 and 10000000, found \(runs)") }
            try validateStoreUse()
            if let shard, ShardSpec(parsing: shard) == nil {
                throw ValidationError("--shard '\(shard)': expected I/N with 1 ≤ I ≤ N, e.g. 2/4")
            }
            if (shard == nil) != (out == nil) { throw ValidationError("--shard and --out go together") }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = MonteCarloRecording(try recording())  // the store is opened before any work
                let experiment = MonteCarloRun(
                    scenario: ScenarioReference(scenario), runs: runs ?? 1000, seed: seed, shocks: shocks,
                    shard: shard.flatMap(ShardSpec.init(parsing:)),
                    shardPath: out, resume: resume.flatMap(RunID.init), reportPath: reportPath, format: options.format)
                let interrupt = InterruptHandler()
                defer { interrupt.remove() }
                let progress = ProgressLine(quiet: options.quiet, interrupt: interrupt)
                var output = try await experiment.run(
                    recording: recording, threads: options.workerThreads, cancellation: interrupt.flag, progress: progress)
                if shard != nil, options.quiet { output.text = "" }
                try output.print()
            }
        }

        /// The recording of the experiment: none for a shard (its file is its record) or with
        /// `--no-store`; to resume, the store must exist already (it is never created for that).
        private func recording() throws -> RunRecording {
            let environment = ProcessInfo.processInfo.environment
            let opened: RunStore?
            if shard != nil || store.noStore {
                opened = nil
            } else if let id = resume.flatMap(RunID.init) {
                opened = try RunStore.existing(path: store.path, environment: environment, holding: id)
            } else {
                opened = try RunStore.forRecording(path: store.path, environment: environment)
            }
            return RunRecording(store: opened, commandLine: StoreOptions.commandLine, toolVersion: OuroborosVersion.current)
        }

        /// `--resume` takes the experiment as recorded, so the arguments that define one are refused
        /// with it; `--shard` runs are not recorded, so a store named for one is refused too.
        func validateStoreUse() throws {
            if let resume {
                guard RunID(resume) != nil else {
                    throw ValidationError("--resume '\(resume)': expected a run id (a positive integer, see `ouroboros runs`)")
                }
                var given: [String] = []
                if scenario != nil { given.append("a scenario") }
                if runs != nil { given.append("--runs") }
                if seed != nil { given.append("--seed") }
                if !shocks.isEmpty { given.append("--shock") }
                if shard != nil || out != nil { given.append("--shard/--out") }
                if !given.isEmpty {
                    throw ValidationError(
                        "--resume \(resume) continues the experiment as recorded; drop \(given.joined(separator: ", ")) (`ouroboros show \(resume)` prints how it was started)"
                    )
                }
                if store.noStore { throw ValidationError("--resume reads the experiment from the run store; drop --no-store") }
            }
            if shard != nil, store.path != nil {
                throw ValidationError("--shard runs are not recorded in the run store (the shard file is their record); drop --store")
            }
        }
    }
}
