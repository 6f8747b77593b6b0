import OuroborosCore
public import OuroborosNetwork

/// The input of `ouroboros network clear`: obligations (`debtor,creditor,amount`) and every
/// entity's external assets (`entity,external_assets`).
public struct ClearingInput: Sendable {
    /// The liabilities.
    public var graph: CSRGraph
    /// The entities, by node: the obligations' first, then those listed only with assets.
    public var labels: LabelIndex
    /// The external assets of each node.
    public var externalAssets: [Double]

    /// Reads `obligations` and `assets`; every problem is thrown together as a `DiagnosticList`.
    public init(obligations: String, assets: String) throws {
        var tables = KernelTables()
        var labels = LabelIndex()
        let (edges, external) = try tables.edgesWithValues(
            obligations, from: "debtor", to: "creditor", assets, column: "external_assets", labels: &labels
        ) { row, diagnostics in
            row.amount("external_assets", &diagnostics)
        }
        try tables.check()
        graph = try KernelTables.graph(edges, labels: &labels)
        externalAssets = (0..<labels.count).map { external[$0] ?? 0 }
        self.labels = labels
    }
}
