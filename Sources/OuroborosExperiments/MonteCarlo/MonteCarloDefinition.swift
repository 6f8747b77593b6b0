public import OuroborosCore

/// What identifies a Monte Carlo experiment: two shards can be merged only when these are equal.
public struct MonteCarloDefinition: Codable, Sendable, Hashable {
    /// The scenario's name.
    public var scenario: String
    /// `ScenarioFingerprint` of the scenario with its shocks.
    public var scenarioHash: String
    /// The experiment's seed.
    public var seed: UInt64
    /// The number of runs of the whole experiment.
    public var runs: Int
    /// Shocks added on the command line, as written.
    public var shocks: [String]
    /// The uncertain parameters' paths, in draw order.
    public var parameters: [String]
    /// The key series kept, in order.
    public var keySeries: [String]
    /// The labels of the periods at which key series are kept.
    public var periodLabels: [String]
    /// The scenario's calendar (so that shards merge without the scenario).
    public var calendar: Timeline
}
