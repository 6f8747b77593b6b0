/// Why a ``FundsTrace`` could not be computed: each case names the node, edge or bound involved.
public enum FundsTraceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `openingBalances` has `got` entries; expected `expected` (the node count) or none.
    case balanceCountMismatch(expected: Int, got: Int)
    /// The opening balance of `node` is negative, NaN or infinite.
    case invalidBalance(node: Int, value: Double)
    /// The payment `from → to` is negative (payments must be ≥ 0).
    case negativePayment(from: Int, to: Int, amount: Double)
    /// An origin names a node outside `0 ..< nodeCount`.
    case originOutOfRange(node: Int, nodeCount: Int)
    /// The exact solver was asked for more unknown mixes than `limit` (dense O(k³) work).
    case tooLargeForExactSolver(unknowns: Int, limit: Int)
    /// Gauss–Seidel did not reach the tolerance within `sweeps` sweeps on the component holding `node`; `change` is the last sweep's largest change.
    case didNotConverge(sweeps: Int, change: Double, node: Int)
    /// The exact solver met a zero pivot at `node` (cannot happen for valid input; reported rather than returning NaN).
    case singularSystem(node: Int)
    /// The payments given as edge lists do not form a graph (a node out of range, a non-finite amount, lists of different lengths).
    case invalidPayments(CSRGraphError)

    /// A one-line message that says what is wrong and what to do.
    public var description: String {
        switch self {
        case .balanceCountMismatch(let expected, let got):
            return "opening balances have \(got) entries: expected \(expected) (one per node) or none"
        case .invalidBalance(let node, let value):
            return "opening balance of node \(node) is \(value): expected a finite number ≥ 0"
        case .negativePayment(let from, let to, let amount):
            return "payment \(from) → \(to) is \(amount): expected an amount ≥ 0"
        case .originOutOfRange(let node, let nodeCount):
            return "origin \(node) is not a node: expected an id in 0 ..< \(nodeCount)"
        case .tooLargeForExactSolver(let unknowns, let limit):
            return "the exact solver handles at most \(limit) unknown mixes, this graph has \(unknowns): use the iterative method"
        case .didNotConverge(let sweeps, let change, let node):
            return
                "Gauss–Seidel did not converge in \(sweeps) sweeps (last change \(change)) on the component of node \(node): raise maxSweeps or use the exact method"
        case .singularSystem(let node):
            return "the mix system is singular at node \(node)"
        case .invalidPayments(let error):
            return "the payments are not a graph: \(error)"
        }
    }
}
