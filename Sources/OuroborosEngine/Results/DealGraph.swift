internal import OuroborosNetwork

/// The deal graph among firms (equity investments, compute contracts, chip orders, vendor
/// financing, backstops: money flowing from → to), its strongly connected components and its
/// elementary cycles: the capital cycles of the network.
struct DealGraph: Sendable {
    /// The non-trivial component of each entity, or -1 when it lies on no cycle.
    var component: [Int]
    /// The elementary cycles (at most `cycleLimit`, of at most `maxCycleLength` edges).
    var cycles: [CapitalCycle]
    /// Edges inside non-trivial components: payer, payee, deal index.
    var cycleEdges: [(from: Int, to: Int, deal: Int)]

    /// The most cycles listed.
    static let cycleLimit = 500
    /// The longest cycle listed, in edges.
    static let maxCycleLength = 12

    /// Builds the graph of `scenario`'s deals over `table`.
    init(scenario: NetworkScenario, table: EntityTable) {
        var edges: [WeightedEdge] = []
        var dealEdges: [(from: Int, to: Int, deal: Int)] = []
        for (index, deal) in scenario.deals.enumerated() where Self.isCapitalFlow(deal.kind) {
            guard let from = table.index(of: deal.from), let to = table.index(of: deal.to), from != to,
                table.roles[from].isNetworkFirm, table.roles[to].isNetworkFirm,
                deal.amount.isFinite, deal.amount >= 0
            else { continue }
            edges.append(WeightedEdge(from, to, deal.amount))
            dealEdges.append((from, to, index))
        }
        component = Array(repeating: -1, count: table.count)
        cycles = []
        cycleEdges = []
        guard let graph = try? CSRGraph(nodeCount: table.count, edges: edges, keepSelfLoops: false) else { return }
        let components = StronglyConnectedComponents(graph)
        for node in 0..<table.count {
            let c = Int(components.componentOf[node])
            if components.isNonTrivial[c] { component[node] = c }
        }
        cycleEdges = dealEdges.filter { component[$0.from] >= 0 && component[$0.from] == component[$0.to] }
        let found = ElementaryCycles(graph, maxLength: Self.maxCycleLength, limit: Self.cycleLimit)
        for cycle in found {
            let nodes = cycle.nodes.map(Int.init)
            var bottleneck = (from: nodes[0], to: nodes[0], amount: Double.infinity)
            for (k, node) in nodes.enumerated() {
                let next = nodes[(k + 1) % nodes.count]
                let amount = graph.weight(from: node, to: next) ?? 0
                if amount < bottleneck.amount { bottleneck = (node, next, amount) }
            }
            cycles.append(
                CapitalCycle(
                    entities: nodes.map { table.ids[$0] },
                    bottleneck: "\(table.ids[bottleneck.from]) → \(table.ids[bottleneck.to])",
                    bottleneckAmount: bottleneck.amount.isFinite ? bottleneck.amount : 0,
                    shareOfDealFlow: cycle.share, component: component[nodes[0]]))
        }
    }

    /// Whether a deal of this kind is an edge of the deal graph.
    static func isCapitalFlow(_ kind: DealSpec.Kind) -> Bool {
        switch kind {
        case .equityInvestment, .computeContract, .chipOrder, .vendorFinancing, .capacityBackstop: true
        default: false
        }
    }

    /// Whether `a` and `b` lie in the same non-trivial component (a failure between them breaks the loop).
    func sameCycle(_ a: Int, _ b: Int) -> Bool {
        component[a] >= 0 && component[a] == component[b]
    }
}
