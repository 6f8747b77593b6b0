import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros run [FILE]`: run a network scenario or an equation model and print the results.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario or model (a file or a built-in) and print the results.",
            discussion: """
                FILE is a YAML file or the name of a built-in (see `ouroboros scenarios`); with no FILE the \
                default built-in scenario, ai-capex-2025, runs.

                Network scenarios: the table answers whether the loop holds or breaks, when, which link broke \
                first and why, the capital cycles, each firm's end cash, debt, value and revenue origin, and \
                the largest events. `--format json` prints one object (periods, entities, markets, events, \
                checks, summary); `--format csv` the long form `period,entity,variable,value`. \
                Shocks: --shock KIND:SIZE@DATE, repeatable, e.g. rate:+300bp@2026-01, liquidity:-500B@2026-01, \
                chips:delay=6m@2026-01, power:-30%@2026-01, demand:-40%@2026-01, credit:freeze@2026-06, \
                default:openai@2027-01, crypto:-50%@2026-03, sentiment:-30%@2026-01.

                Equation models: `--format csv` prints `period,VAR1,VAR2,...` with one row per period from 0 \
                (the initial state), at full precision; `--periods N` changes the horizon.

                Every run is recorded in the run store (see `ouroboros runs`): --store PATH chooses it, \
                --no-store records nothing.
                """
        )

        @Argument(help: "A scenario or model file (YAML) or a built-in name; the default built-in when omitted.")
        var file: String?

        @Option(help: "Number of periods to solve (equation models; network scenarios set calendar.end).")
        var periods: Int?

        @Option(name: .customLong("shock"), help: "A shock KIND:SIZE@DATE, e.g. rate:+300bp@2026-01 (repeatable; network scenarios).")
        var shocks: [String] = []

        @Option(help: "Seed of the random generator (network scenarios; default: the scenario's seed).")
        var seed: UInt64?

        @Option(help: "Output format: table, csv or json.")
        var format: TextFormat = .table

        @Option(
            name: .customLong("report"), help: "Also write a self-contained HTML report to this path (network scenarios; see `ouroboros report`).")
        var reportPath: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let periods, !(1...1_000_000).contains(periods) {
                throw ValidationError("--periods must be between 1 and 1000000, found \(periods)")
            }
        }

        func run() async throws {
            try await ExitStatus.mapping {
                let recording = try store.recording()  // a store that cannot be used stops us before the run
                let run = ScenarioRun(
                    scenario: ScenarioReference(file), periods: periods, shocks: shocks, seed: seed, format: format, reportPath: reportPath)
                StandardStreams.out(try run.run(recording: recording))
            }
        }
    }
}
