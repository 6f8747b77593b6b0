/// How cumulative units sold Q_a move an asset's price (per-asset impact c_a ≥ 0, price 1 before any shock).
public enum PriceImpact: Sendable, Hashable {
    /// p_a = s_a − c_a Q_a, floored at 0 (s_a the post-shock price): Δp_a = −c_a × units sold.
    case linear
    /// p_a = s_a exp(−c_a Q_a): never reaches 0.
    case exponential
}
