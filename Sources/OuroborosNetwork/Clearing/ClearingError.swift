/// Why a clearing problem was rejected or not solved: each case names the offending node or quantity.
public enum ClearingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `externalAssets` has `count` entries but the liabilities graph has `nodeCount` nodes.
    case lengthMismatch(count: Int, nodeCount: Int)
    /// Node `node` has negative or non-finite external assets `value`.
    case invalidExternalAssets(node: Int, value: Double)
    /// The liability `from → to` is negative (liabilities must be ≥ 0; zeros are ignored).
    case negativeLiability(from: Int, to: Int, amount: Double)
    /// A default-cost parameter (`name` is "alpha" or "beta") is outside (0, 1].
    case invalidDefaultCost(name: String, value: Double)
    /// `tolerance` is not a positive finite number or `maxIterations` is not positive.
    case invalidSettings(tolerance: Double, maxIterations: Int)
    /// The iteration stopped after `iterations` steps with sup-norm step `residual` still above the tolerance.
    case didNotConverge(iterations: Int, residual: Double)

    /// A one-line message that says what is wrong and what was expected.
    public var description: String {
        switch self {
        case .lengthMismatch(let count, let nodeCount):
            return "externalAssets has \(count) entries: expected one per node, \(nodeCount)"
        case .invalidExternalAssets(let node, let value):
            return "node \(node) has external assets \(value): expected a finite number ≥ 0"
        case .negativeLiability(let from, let to, let amount):
            return "liability \(from) → \(to) is \(amount): expected an amount ≥ 0"
        case .invalidDefaultCost(let name, let value):
            return "\(name) is \(value): expected a number in (0, 1]"
        case .invalidSettings(let tolerance, let maxIterations):
            return "tolerance \(tolerance) / maxIterations \(maxIterations): expected a positive finite tolerance and at least one iteration"
        case .didNotConverge(let iterations, let residual):
            return "clearing did not converge after \(iterations) iterations (last step \(residual))"
        }
    }
}
