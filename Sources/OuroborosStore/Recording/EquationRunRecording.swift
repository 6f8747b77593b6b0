import Foundation
import OuroborosCore
public import OuroborosEquations

extension RunSeries {
    /// The series of an equation-model run, in the order and with the names of its wide CSV:
    /// one column per reported variable, periods `0…N`.
    public init(equations result: SimulationResult) {
        let columns = result.variableNames.map { name in
            Column(entity: "", variable: name, values: result.series(name) ?? [])
        }
        self.init(layout: .wide, periodLabels: (0...result.periods).map(String.init), columns: columns)
    }
}

extension RunSummary {
    /// What an equation-model run solved and how well its accounts closed.
    public init(equations result: SimulationResult, hiddenEquations: [String]) {
        var json = "{\"periods\": \(result.periods), \"variables\": \(result.variableNames.count), "
        json += "\"max_relative_imbalance\": \(NumberText.full(result.maxRelativeImbalance)), "
        json += "\"hidden_equations\": [" + hiddenEquations.map(NumberText.jsonString).joined(separator: ", ") + "], "
        json += "\"gauss_seidel_fallbacks\": \(result.gaussSeidelFallbacks.count)}"
        let imbalance = String(format: "%.1e", result.maxRelativeImbalance)
        self.init(headline: "solved \(result.periods) periods, largest relative imbalance \(imbalance)", json: json)
    }
}
