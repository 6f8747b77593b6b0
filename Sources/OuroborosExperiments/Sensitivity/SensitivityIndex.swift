/// The sensitivity of the outcome to one parameter, by the method used (the others nil).
public struct SensitivityIndex: Sendable, Codable, Hashable {
    /// The parameter's path.
    public var parameter: String
    /// Morris: mean of the absolute elementary effects (μ*), their mean (μ) and standard deviation (σ),
    /// in outcome units per unit of the parameter's quantile level (0 … 1).
    public var muStar: Double?
    public var mu: Double?
    public var sigma: Double?
    /// Sobol: first-order index S1 and total index ST, with 95% bootstrap intervals.
    public var firstOrder: Double?
    public var firstOrderLow: Double?, firstOrderHigh: Double?
    public var total: Double?
    public var totalLow: Double?, totalHigh: Double?

    /// The figure the ranking uses: μ* (Morris) or ST (Sobol).
    public var rankingValue: Double { muStar ?? total ?? 0 }
}

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
