/// The result of a sensitivity study: indices ranked, most influential first.
public struct SensitivityResult: Sendable, Codable, Hashable {
    /// `morris` or `sobol`.
    public var method: String
    /// What was measured per run.
    public var outcome: String
    /// Trajectories (Morris) or base samples (Sobol).
    public var samples: Int
    /// Model evaluations made.
    public var evaluations: Int
    /// Runs that stopped with an error (their outcome counted as the outcome's value for a broken loop).
    public var failedRuns: Int
    /// The seed.
    public var seed: UInt64
    /// Mean and variance of the outcome over the evaluations.
    public var outcomeMean: Double, outcomeVariance: Double
    /// Indices, ranked by μ* or ST (ties by parameter path).
    public var indices: [SensitivityIndex]
    /// True when Ctrl-C stopped the study early (indices use the complete samples only).
    public var partial: Bool

    /// Sorts `indices` by `rankingValue`, largest first.
    static func ranked(_ indices: [SensitivityIndex]) -> [SensitivityIndex] {
        indices.sorted { ($0.rankingValue, $1.parameter) > ($1.rankingValue, $0.parameter) }
    }
}
