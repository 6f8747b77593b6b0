import OuroborosCore
public import OuroborosNetwork

/// The input of `ouroboros network scc` and `cycles`: a payment graph read from a
/// `from,to,amount` CSV (amounts ≥ 0; parallel edges summed), nodes in order of first appearance.
public struct PaymentGraphInput: Sendable {
    /// The graph.
    public var graph: CSRGraph
    /// The entities, by node.
    public var labels: LabelIndex

    /// Reads `edges`; every problem is thrown together as a `DiagnosticList`.
    public init(edges path: String) throws {
        var tables = KernelTables()
        var labels = LabelIndex()
        let edges = try tables.edges(path, from: "from", to: "to", amount: "amount", labels: &labels)
        try tables.check()
        graph = try KernelTables.graph(edges, labels: &labels)
        self.labels = labels
    }
}
