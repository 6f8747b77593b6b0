import ArgumentParser
import OuroborosCore
import OuroborosEquations
import OuroborosReport
import OuroborosScenario

extension Ouroboros {
    /// `ouroboros run [FILE]`: solve a model period by period and print its variables and matrices.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a model file or a built-in model and print the results.",
            discussion: """
            FILE is a YAML model file or the name of a built-in (see `ouroboros scenarios`).
            With no FILE the default built-in runs. `--format csv` prints `period,VAR1,VAR2,...` with
            one row per period from 0 (the initial state), at full precision.
            """
        )

        @Argument(help: "A model file (YAML) or a built-in name; the default built-in when omitted.")
        var file: String?

        @Option(help: "Number of periods to solve (overrides the file's `periods`).")
        var periods: Int?

        @Option(help: "Output format: table, csv or json.")
        var format: OutputFormat = .table

        func validate() throws {
            if let periods, !(1...1_000_000).contains(periods) {
                throw ValidationError("--periods must be between 1 and 1000000, found \(periods)")
            }
        }

        func run() throws {
            do {
                let document = try ScenarioLoader.resolve(file ?? BuiltInScenarios.defaultName)
                switch document {
                case .equations(let spec):
                    let model = try EquationModel.compile(spec)
                    let result = try model.run(periods: periods)
                    let report = EquationRunReport(result: result, hiddenEquations: spec.hidden.map(\.text))
                    switch format {
                    case .table: StandardStreams.out(report.table())
                    case .csv: StandardStreams.out(report.csv())
                    case .json: StandardStreams.out(report.json())
                    }
                case .network:
                    // Placeholder until the engine lands.
                    throw DiagnosticList([Diagnostic("network scenarios are run by the engine", at: nil)])
                }
            } catch {
                throw ExitStatus.report(error)
            }
        }
    }
}
