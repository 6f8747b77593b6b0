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
