import OuroborosCore
public import OuroborosNetwork

/// The input of `ouroboros network trace`: one period's payments (`from,to,amount`), optional
/// opening balances (`entity,balance`, entities of the payments only) and the origin entities.
public struct FundsTraceInput: Sendable {
    /// The payments.
    public var graph: CSRGraph
    /// The entities, by node.
    public var labels: LabelIndex
    /// The opening balance of each node (0 when not listed).
    public var openingBalances: [Double]
    /// The origins' nodes, in the order given.
    public var origins: [Int]

    /// Reads `edges` and `balances` and finds `origins` among the payments' entities; every
    /// problem is thrown together as a `DiagnosticList`.
    public init(edges path: String, balances: String?, origins names: [String]) throws {
        var tables = KernelTables()
        var labels = LabelIndex()
        let edges = try tables.edges(path, from: "from", to: "to", amount: "amount", labels: &labels)
        var opening: [Int: Double] = [:]
        if let balances {
            let table = try tables.table(balances, ["entity", "balance"], requireRows: false)
            opening =
                tables.values(of: table, key: "entity", labels: &labels, intern: false, knownIn: path) { row, diagnostics in
                    row.amount("balance", &diagnostics)
                }.values
        }
        var origins: [Int] = []
        for name in names {
            if let id = labels.id(of: name) {
                origins.append(id)
            } else if tables.diagnostics.isEmpty || !edges.isEmpty {
                tables.error("origin '\(name)' (--origins) does not appear in \(path)", at: nil)
            }
        }
        try tables.check()
        graph = try KernelTables.graph(edges, labels: &labels)
        openingBalances = (0..<labels.count).map { opening[$0] ?? 0 }
        self.labels = labels
        self.origins = origins
    }
}
