/// Which DebtRank dynamics to run; both use the impact Wᵢⱼ = min(1, Aᵢⱼ/Eᵢ) and h(1) = the initial shock.
public enum DebtRankVariant: Sendable, Hashable {
    /// Battiston et al. (2012): hᵢ(t) = min(1, hᵢ(t−1) + Σ_{j distressed at t−1} Wᵢⱼ hⱼ(t−1)); a node propagates once, then turns inactive; ends
    /// when nobody is distressed (≤ n + 1 steps).
    case original
    /// Bardoscia et al. (2015): hᵢ(t+1) = min(1, hᵢ(t) + Σⱼ Wᵢⱼ (hⱼ(t) − hⱼ(t−1))), h(0) = 0; iterated until the sup-norm step is ≤ tolerance (no
    /// inactive state, so cycles re-propagate).
    case differential
}
