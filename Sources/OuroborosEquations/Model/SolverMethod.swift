/// How simultaneous blocks are solved.
public enum SolverMethod: Sendable, Hashable {
    /// Newton's method on the block's tear variables with an exact Jacobian, falling back to
    /// Gauss–Seidel (and reporting it) when Newton fails. The default.
    case newton
    /// Gauss–Seidel sweeps only (as sfcr's default); slower, for comparison.
    case gaussSeidel
}
