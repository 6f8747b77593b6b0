/// How an attempt at solving one block ended.
struct BlockOutcome {
    /// Whether the block converged.
    var converged: Bool
    /// The smallest largest-residual reached (Newton) or the last largest relative change (Gauss–Seidel).
    var residual: Double
}
