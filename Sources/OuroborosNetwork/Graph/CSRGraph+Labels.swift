extension CSRGraph {
    /// The graph of labelled edges, interning unseen labels into `labels` (so pre-interned, isolated nodes keep their ids); node count is
    /// `labels.count` afterwards; same summing and self-loop rules as the integer initializer.
    public init(
        labelledEdges: [(from: String, to: String, amount: Double)],
        labels: inout LabelIndex,
        keepSelfLoops: Bool = true
    ) throws(CSRGraphError) {
        var edges: [WeightedEdge] = []
        edges.reserveCapacity(labelledEdges.count)
        for edge in labelledEdges {
            edges.append(WeightedEdge(labels.intern(edge.from), labels.intern(edge.to), edge.amount))
        }
        try self.init(nodeCount: labels.count, edges: edges, keepSelfLoops: keepSelfLoops)
    }
}
