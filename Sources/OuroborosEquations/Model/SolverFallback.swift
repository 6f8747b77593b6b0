/// A block that Newton's method could not solve in some period and Gauss–Seidel did.
public struct SolverFallback: Sendable, Hashable {
    /// The period.
    public var period: Int
    /// The block's variables.
    public var variables: [String]

    /// Creates a fallback record.
    public init(period: Int, variables: [String]) {
        self.period = period
        self.variables = variables
    }
}
