import ArgumentParser
import OuroborosEngine
import OuroborosEquations
import OuroborosReport
import OuroborosScenario
import OuroborosStore

extension Ouroboros {
    /// `ouroboros run [FILE]`: run a network scenario or an equation model and print the results.
    struct Run: ParsableCommand {
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
        var format: OutputFormat = .table

        @Option(
            name: .customLong("report"), help: "Also write a self-contained HTML report to this path (network scenarios; see `ouroboros report`).")
        var reportPath: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if let periods, !(1...1_000_000).contains(periods) {
                throw ValidationError("--periods must be between 1 and 1000000, found \(periods)")
            }
        }

        func run() throws {
            do {
                let recorder = try RunRecorder(store)  // a store that cannot be used stops us before the run
                let reference = file ?? BuiltInScenarios.defaultName
                switch try ScenarioLoader.resolve(reference) {
                case .equations(let spec):
                    guard shocks.isEmpty, seed == nil, reportPath == nil else {
                        throw ValidationError(
                            "--shock, --seed and --report apply to network scenarios; an equation model takes its shocks from its file's `shocks:`")
                    }
                    try recorder.begin(.equations, name: spec.name, scenario: reference, seed: nil)
                    let result = try recorder.failing { try EquationModel.compile(spec).run(periods: periods) }
                    let report = EquationRunReport(result: result, hiddenEquations: spec.hidden.map(\.text))
                    StandardStreams.out(format.render(table: { report.table() }, csv: { report.csv() }, json: { report.json() }))
                    try recorder.finish(
                        summary: RunSummary(equations: result, hiddenEquations: report.hiddenEquations),
                        series: RunSeries(equations: result))
                case .network(let scenario):
                    guard periods == nil else {
                        throw ValidationError("--periods applies to equation models; a network scenario's horizon is its calendar's end")
                    }
                    let parsed = try ShockOptions.parse(shocks, for: scenario)
                    try recorder.begin(.network, name: scenario.name, scenario: reference, seed: seed ?? scenario.seed)
                    let simulation = try NetworkSimulation(scenario: scenario, shocks: parsed)
                    let result: NetworkRunResult = try recorder.failing {
                        guard let reportPath else { return try simulation.run(seed: seed) }
                        let run = try simulation.runWithDetail(seed: seed)
                        try Report.write(run, scenario: scenario, shocks: (scenario.shocks + parsed).map(\.text), flowPeriod: nil, to: reportPath)
                        return run.result
                    }
                    let report = NetworkRunReport(result: result, shocks: (scenario.shocks + parsed).map(\.text))
                    StandardStreams.out(format.render(table: { report.table() }, csv: { report.csv() }, json: { report.json() }))
                    try recorder.finish(summary: RunSummary(network: result), series: RunSeries(network: result))
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw ExitStatus.report(error)
            }
        }
    }
}
