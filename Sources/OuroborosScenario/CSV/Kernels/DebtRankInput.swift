import OuroborosCore
public import OuroborosNetwork

/// The input of `ouroboros network debtrank`: exposures (`lender,borrower,amount`), every
/// entity's equity (`entity,equity`, > 0), the initial shock (`entity,shock` in [0, 1]) and
/// optionally economic weights (`entity,weight`, every entity).
public struct DebtRankInput: Sendable {
    /// The exposures: an edge from the lender to the borrower.
    public var graph: CSRGraph
    /// The entities, by node: the exposures' first, then those listed only with equity.
    public var labels: LabelIndex
    /// The equity of each node.
    public var equity: [Double]
    /// The initial relative equity loss of each node (0 when not listed).
    public var initialDistress: [Double]
    /// The economic weight of each node, when given.
    public var economicWeights: [Double]?

    /// Reads the files; every problem is thrown together as a `DiagnosticList`.
    public init(exposures: String, equity equityPath: String, shock: String, weights: String?) throws {
        var tables = KernelTables()
        var labels = LabelIndex()
        let (edges, equities) = try tables.edgesWithValues(exposures, from: "lender", to: "borrower", equityPath, column: "equity", labels: &labels) {
            row, diagnostics in
            row.positive("equity", &diagnostics)
        }
        let known = "\(exposures) or \(equityPath)"
        let shockTable = try tables.table(shock, ["entity", "shock"], requireRows: false)
        let shocks = tables.values(of: shockTable, key: "entity", labels: &labels, intern: false, knownIn: known) { row, diagnostics in
            row.share("shock", &diagnostics)
        }.values
        if let weights {
            let weightTable = try tables.table(weights, ["entity", "weight"])
            let (read, listed) = tables.values(of: weightTable, key: "entity", labels: &labels, intern: false, knownIn: known) {
                row, diagnostics in
                row.amount("weight", &diagnostics)
            }
            let missing = (0..<labels.count).filter { !listed.contains($0) }.map { "'\(labels[$0])'" }
            if weightTable.problems.isEmpty, !missing.isEmpty {
                tables.error(
                    "every entity needs a weight: no row for \(missing.joined(separator: ", "))",
                    at: SourceLocation(file: weights, line: 1, column: 1))
            }
            economicWeights = (0..<labels.count).map { read[$0] ?? 0 }
        }
        try tables.check()
        graph = try KernelTables.graph(edges, labels: &labels)
        equity = (0..<labels.count).map { equities[$0] ?? 0 }
        initialDistress = (0..<labels.count).map { shocks[$0] ?? 0 }
        self.labels = labels
    }
}
