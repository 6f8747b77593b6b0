import OuroborosCore
public import OuroborosEngine

/// The uncertain parameters of a scenario (its `uncertain:` entries) and how a point of the unit
/// cube, or a run's random numbers, becomes a scenario with those parameters set.
public struct ParameterSpace: Sendable {
    /// The scenario with every shock of the experiment included and its values as written.
    public let scenario: NetworkScenario
    /// The parameters varied, in file order.
    public let parameters: [UncertainParameter]

    /// The space of `scenario`'s `uncertain:` entries; `shocks` (e.g. from the command line) join the file's.
    public init(scenario: NetworkScenario, shocks: [NetworkShock] = []) {
        var scenario = scenario
        scenario.shocks += shocks
        self.scenario = scenario
        self.parameters = scenario.uncertain
    }

    /// The number of parameters.
    public var count: Int { parameters.count }

    /// The parameters' paths as written, e.g. `entities.openai.user_growth`.
    public var names: [String] { parameters.map(\.path.description) }

    /// The values written in the scenario (what a plain run uses).
    public var writtenValues: [Double] { parameters.map { $0.path.value(in: scenario) } }

    /// The values at `point` of the unit cube (each coordinate a quantile level in (0, 1)).
    public func values(at point: [Double]) -> [Double] {
        zip(parameters, point).map { $0.distribution.quantile($1) }
    }

    /// The values run `run` draws, one uniform number per parameter from `SeededGenerator(seed:stream:)`,
    /// and the seed of the engine's own random parts (sentiment noise) for that run.
    public func draw(seed: UInt64, run: Int) -> (values: [Double], engineSeed: UInt64) {
        var random = SeededGenerator(seed: seed, stream: run)
        let point = parameters.map { _ in random.uniform() }
        return (values(at: point), random.next())
    }

    /// The scenario with the parameters set to `values`.
    public func scenario(with values: [Double]) -> NetworkScenario {
        var result = scenario
        for (parameter, value) in zip(parameters, values) { parameter.path.apply(value, to: &result) }
        return result
    }
}
