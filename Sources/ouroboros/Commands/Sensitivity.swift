import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros sensitivity [SCENARIO] --method morris|sobol --runs N [--outcome O]`.
    struct Sensitivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank the uncertain: parameters by how much they move an outcome (Morris or Sobol).",
            discussion: """
                --outcome: broke (1 if the loop broke within the horizon: its mean is the break probability), \
                broke-by:YEAR, time-to-break (periods until the break, T+1 when it held; the default) or \
                end:ENTITY.SERIES (cash, debt, value, revenue over the run, capacity), e.g. end:openai.cash. \
                Morris: --runs trajectories of k+1 runs each on a --levels grid (μ*, μ, σ of the elementary \
                effects, per unit of quantile level). Sobol: --runs base samples, N(k+2) runs (Saltelli \
                scheme; first-order S1 and total ST with 95% bootstrap intervals). All runs use --seed for the \
                engine too, so the same seed prints the same bytes for any --threads. \
                The study is recorded in the run store with its ranking (see `ouroboros runs`; --store PATH, \
                --no-store).
                """
        )

        @Argument(help: "A network scenario file or built-in name (default: ai-capex-2025).")
        var scenario: String?

        @Option(help: "morris or sobol.")
        var method: SensitivityRun.Method = .morris

        @Option(help: "Trajectories (morris) or base samples (sobol).")
        var runs = 20

        @Option(help: "What each run measures: broke, broke-by:YEAR, time-to-break or end:ENTITY.SERIES.")
        var outcome = "time-to-break"

        @Option(help: "Grid levels of the Morris design (even).")
        var levels = 4

        @Option(help: "Seed of the design (default: the scenario's seed).")
        var seed: UInt64?

        @Option(name: .customLong("shock"), help: "A shock KIND:SIZE@DATE added to every run (repeatable).")
        var shocks: [String] = []

        @Option(name: .customLong("report"), help: "Also write a self-contained HTML report of the experiment to this file.")
        var reportPath: String?

        @OptionGroup var options: ExperimentOptions

        @OptionGroup var store: StoreOptions

        func validate() throws {
            try ExperimentReportArgument.validate(reportPath)
            guard (2...1_000_000).contains(runs) else { throw ValidationError("--runs must be between 2 and 1000000, found \(runs)") }
            guard (2...100).contains(levels), levels % 2 == 0 else {
                throw ValidationError("--levels must be an even number from 2 to 100, found \(levels)")
            }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = try store.recording()  // a store that cannot be used stops us before any work
                let study = SensitivityRun(
                    scenario: ScenarioReference(scenario), method: method, runs: runs, outcome: outcome, levels: levels, seed: seed,
                    shocks: shocks, reportPath: reportPath, format: options.format)
                let interrupt = InterruptHandler()
                defer { interrupt.remove() }
                let progress = ProgressLine(quiet: options.quiet, interrupt: interrupt)
                try await study.run(recording: recording, threads: options.workerThreads, cancellation: interrupt.flag, progress: progress).print()
            }
        }
    }
}
