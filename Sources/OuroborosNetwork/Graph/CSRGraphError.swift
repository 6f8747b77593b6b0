/// Why a ``CSRGraph`` could not be built: each case names the offending edge or array position.
public enum CSRGraphError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The node count is negative or not below `Int32.max` (node ids are stored as `Int32`).
    case nodeCountOutOfRange(Int)
    /// The source, target and amount arrays have different lengths.
    case lengthMismatch(sources: Int, targets: Int, amounts: Int)
    /// Edge number `edge` (0-based, in input order) names a node outside `0..<nodeCount`.
    case nodeOutOfRange(edge: Int, node: Int, nodeCount: Int)
    /// Edge number `edge` (0-based, in input order) has a NaN or infinite amount.
    case nonFiniteAmount(edge: Int, amount: Double)
    /// Raw compressed rows are inconsistent; `reason` says which invariant failed and where.
    case invalidRows(reason: String)

    /// A one-line message that says what is wrong and what was expected.
    public var description: String {
        switch self {
        case .nodeCountOutOfRange(let count):
            return "node count \(count) is out of range: expected 0 ..< \(Int32.max)"
        case .lengthMismatch(let sources, let targets, let amounts):
            return "edge arrays differ in length: \(sources) sources, \(targets) targets, \(amounts) amounts; expected equal lengths"
        case .nodeOutOfRange(let edge, let node, let nodeCount):
            return "edge \(edge) names node \(node): expected a node id in 0 ..< \(nodeCount)"
        case .nonFiniteAmount(let edge, let amount):
            return "edge \(edge) has amount \(amount): expected a finite number"
        case .invalidRows(let reason):
            return "invalid compressed rows: \(reason)"
        }
    }
}
