/// A set of equations that must be solved together because they depend on each other within a period.
public struct SimultaneousBlock: Sendable, Hashable {
    /// The block's variables in evaluation order (the tears last).
    public var variables: [String]
    /// The tear variables Newton's method solves for; the others follow from them.
    public var tears: [String]

    /// Creates a block description.
    public init(variables: [String], tears: [String]) {
        self.variables = variables
        self.tears = tears
    }
}
