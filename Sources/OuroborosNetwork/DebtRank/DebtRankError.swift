/// Why a DebtRank problem was rejected or not solved: each case names the offending node or quantity.
public enum DebtRankError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An input array (`name`) has `count` entries but the exposure graph has `nodeCount` nodes.
    case lengthMismatch(name: String, count: Int, nodeCount: Int)
    /// Node `node` has equity `value` that is not finite and > 0.
    case invalidEquity(node: Int, value: Double)
    /// The exposure `lender → borrower` is negative or non-finite.
    case invalidExposure(lender: Int, borrower: Int, amount: Double)
    /// Node `node` has an initial shock `value` outside [0, 1].
    case invalidShock(node: Int, value: Double)
    /// Node `node` has a negative or non-finite economic weight `value`.
    case invalidWeight(node: Int, value: Double)
    /// `tolerance` is not positive and finite, or `maxIterations` is not positive.
    case invalidSettings(tolerance: Double, maxIterations: Int)
    /// The differential iteration stopped after `iterations` steps with sup-norm step `residual` above the tolerance.
    case didNotConverge(iterations: Int, residual: Double)

    /// A one-line message that says what is wrong and what was expected.
    public var description: String {
        switch self {
        case .lengthMismatch(let name, let count, let nodeCount):
            return "\(name) has \(count) entries: expected one per node, \(nodeCount)"
        case .invalidEquity(let node, let value):
            return "node \(node) has equity \(value): expected a finite number > 0"
        case .invalidExposure(let lender, let borrower, let amount):
            return "exposure \(lender) → \(borrower) is \(amount): expected a finite amount ≥ 0"
        case .invalidShock(let node, let value):
            return "node \(node) has initial shock \(value): expected a relative equity loss in [0, 1]"
        case .invalidWeight(let node, let value):
            return "node \(node) has economic weight \(value): expected a finite number ≥ 0"
        case .invalidSettings(let tolerance, let maxIterations):
            return "tolerance \(tolerance) / maxIterations \(maxIterations): expected a positive finite tolerance and at least one iteration"
        case .didNotConverge(let iterations, let residual):
            return "differential DebtRank did not converge after \(iterations) iterations (last step \(residual))"
        }
    }
}
