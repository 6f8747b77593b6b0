import OuroborosCore
import OuroborosEngine

extension NetworkRunHTMLReport {
    /// The network of the firms, investors and lenders: every payment between them summed over the
    /// run, the edges of the deal graph's capital cycles (`NetworkRunResult.capitalCycles`) in red.
    public func networkDiagram() -> NetworkDiagram {
        func included(_ p: RunParticipant) -> Bool {
            switch SectorStyle.funding(p.sector, id: p.id) {
            case nil, "investors", "lenders": true
            default: p.sector == .powerGrid
            }
        }
        let members = detail.participants.filter(included)
        let memberIDs = Set(members.map(\.id))
        var cycleEdges = Set<String>()
        for cycle in result.capitalCycles {
            for (k, id) in cycle.entities.enumerated() {
                cycleEdges.insert(id + "→" + cycle.entities[(k + 1) % cycle.entities.count])
            }
        }
        var totals: [String: Double] = [:]
        var order: [(String, String)] = []
        for flow in detail.flows where memberIDs.contains(flow.payer) && memberIDs.contains(flow.payee) {
            let key = flow.payer + "→" + flow.payee
            if totals[key] == nil { order.append((flow.payer, flow.payee)) }
            totals[key, default: 0] += flow.amount
        }
        let connected = Set(order.flatMap { [$0.0, $0.1] })
        func rank(_ p: RunParticipant) -> Int {
            switch SectorStyle.funding(p.sector, id: p.id) {
            case "investors": 0
            case "lenders": 1
            case nil: 2 + SectorStyle.stage(p.sector).rawValue
            default: 9
            }
        }
        let nodes = members.filter { connected.contains($0.id) }
            .enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
            .map { NetworkDiagram.Node(id: $0.id, label: Self.shortName($0.name), group: $0.sector.displayName, color: SectorStyle.color($0.sector)) }
        let edges = order.map { payer, payee in
            NetworkDiagram.Edge(source: payer, target: payee, value: totals[payer + "→" + payee]!, onCycle: cycleEdges.contains(payer + "→" + payee))
        }
        return NetworkDiagram(title: "Payments among firms, investors and lenders over the run", nodes: nodes, edges: edges)
    }

    /// The network section: the picture and the capital cycles.
    func networkSection() -> HTMLSection {
        var body = "<p>Every payment between the AI firms, their investors and lenders over the whole run. Arrows run from payer to "
        body += "payee, as wide as the square root of the money paid. Red arrows lie on a capital cycle of the deals: money that "
        body += "can flow round and come back to where it started.</p>\n"
        let diagram = networkDiagram()
        body += HTMLFigure.markup(
            caption: "Payments over \(result.periodLabels[1]) to \(result.periodLabels[result.periodLabels.count - 1]), USD; "
                + "hover an arrow or a node for the amounts."
        ) { () throws(ChartError) in try diagram.render() }
        if result.capitalCycles.isEmpty {
            body += "<p>The deals form no capital cycle.</p>\n"
        } else {
            let shown = result.capitalCycles.sorted { $0.shareOfDealFlow > $1.shareOfDealFlow }.prefix(12)
            body += "<h3>Capital cycles (\(result.capitalCycles.count) in all; the \(shown.count) carrying the largest share of deal flow)</h3>\n"
            var table = HTMLTable(header: ["cycle", "bottleneck", "bottleneck deal value", "share of deal flow"], numericColumns: [2, 3])
            for cycle in shown {
                let path = (cycle.entities + [cycle.entities[0]]).map(name).joined(separator: " → ")
                let bottleneck = cycle.bottleneck.split(separator: " → ").map { name(String($0)) }.joined(separator: " → ")
                table.rows.append([
                    .text(path), .text(bottleneck), .number(ValueUnit.usd.text(cycle.bottleneckAmount)),
                    .number(ValueUnit.percent.text(cycle.shareOfDealFlow)),
                ])
            }
            body += table.rendered()
        }
        return HTMLSection(id: "network", title: "The network and its capital cycles", body: body)
    }
}
