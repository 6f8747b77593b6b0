/// One directed edge `from → to` carrying `amount`, as given to ``CSRGraph`` before parallel edges are summed.
public struct WeightedEdge: Sendable, Hashable {
    /// The tail (payer) node id, in `0..<nodeCount` of the graph it is added to.
    public var from: Int
    /// The head (payee) node id, in `0..<nodeCount` of the graph it is added to.
    public var to: Int
    /// The weight (amount paid); must be finite, may be zero or negative unless the consumer says otherwise.
    public var amount: Double

    /// An edge `from → to` with `amount` (1 when omitted, for unweighted graphs).
    public init(_ from: Int, _ to: Int, _ amount: Double = 1) {
        self.from = from
        self.to = to
        self.amount = amount
    }
}
