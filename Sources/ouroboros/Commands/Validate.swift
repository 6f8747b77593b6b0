import ArgumentParser
import OuroborosEngine
import OuroborosEquations
import OuroborosScenario

extension Ouroboros {
    /// `ouroboros validate FILE`: check a file without running it.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario or model file and report every problem as FILE:LINE:COLUMN: error: MESSAGE.",
            discussion: "Exits 0 when the file is good, 65 when it has errors (printed on standard error)."
        )

        @Argument(help: "The model file (YAML) or a built-in name.")
        var file: String

        func run() throws {
            do {
                let document = try ScenarioLoader.resolve(file)
                switch document {
                case .equations(let spec):
                    let model = try EquationModel.compile(spec)
                    StandardStreams.out("\(file): ok: equation model \(model.name), \(spec.equations.count) equations, \(model.periods) periods\n")
                case .network(let scenario):
                    _ = try NetworkSimulation(scenario: scenario)  // the engine's own checks: names, terms, calendar
                    StandardStreams.out(
                        "\(file): ok: network scenario \(scenario.name), \(scenario.entities.count) entities, \(scenario.deals.count) deals, \(scenario.calendar.periods) periods\n"
                    )
                }
            } catch {
                throw ExitStatus.report(error)
            }
        }
    }
}
