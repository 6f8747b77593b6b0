import OuroborosEngine
import OuroborosEquations
public import OuroborosExperiments
import OuroborosScenario

/// `ouroboros validate`: a scenario or model checked without running it.
public enum ScenarioValidation {
    /// `FILE: ok: …` when `scenario` loads and passes the engine's or the solver's own checks
    /// (names, terms, calendar, block ordering); else the error that says what is wrong.
    public static func check(_ scenario: ScenarioReference) throws -> String {
        switch try scenario.load() {
        case .equations(let spec):
            let model = try EquationModel.compile(spec)
            return "\(scenario.name): ok: equation model \(model.name), \(spec.equations.count) equations, \(model.periods) periods\n"
        case .network(let network):
            _ = try NetworkSimulation(scenario: network)
            return
                "\(scenario.name): ok: network scenario \(network.name), \(network.entities.count) entities, \(network.deals.count) deals, \(network.calendar.periods) periods\n"
        }
    }

}
