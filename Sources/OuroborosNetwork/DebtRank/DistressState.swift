/// A node's state in the original DebtRank (Battiston et al. 2012).
public enum DistressState: Sendable, Hashable {
    /// hᵢ = 0 so far: nothing to propagate.
    case undistressed
    /// hᵢ > 0 and not yet propagated: passes its distress to its creditors in the next step.
    case distressed
    /// Has propagated once: may still accumulate distress but never propagates again.
    case inactive
}
