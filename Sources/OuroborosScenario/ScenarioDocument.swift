public import OuroborosEngine
public import OuroborosEquations

/// A loaded model or scenario file, by kind.
public enum ScenarioDocument: Sendable {
    /// A Godley–Lavoie equation model (`kind: equations`).
    case equations(EquationModelSpec)
    /// An AI-capex network scenario (`kind: network`).
    case network(NetworkScenario)

    /// The model's or scenario's name.
    public var name: String {
        switch self {
        case .equations(let spec): return spec.name
        case .network(let scenario): return scenario.name
        }
    }
}
