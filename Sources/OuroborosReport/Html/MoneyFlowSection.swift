import OuroborosCore
import OuroborosEngine

extension NetworkRunHTMLReport {
    /// The money-flow Sankey of `flowPeriod`: end users, investors and lenders on the left, then
    /// wrappers, labs, clouds, chipmakers, and on the right what is paid out of the chain (wages and
    /// suppliers, interest and repayments, power). Money paid back upstream (a chipmaker or cloud
    /// buying a lab's equity) or within a stage runs in lanes under the columns, in the cycle colour.
    /// Flows among funders themselves (a bank lending to households) are not part of the chain and left out.
    public func moneyFlowSankey() -> SankeyDiagram {
        var pair: [String: (payer: RunParticipant, payee: RunParticipant, amount: Double, channels: [String: Double])] = [:]
        var order: [String] = []
        for flow in detail.flows(in: flowPeriod) {
            guard let payer = detail.participant(flow.payer), let payee = detail.participant(flow.payee) else { continue }
            let key = flow.payer + "→" + flow.payee
            if pair[key] == nil {
                order.append(key)
                pair[key] = (payer, payee, 0, [:])
            }
            pair[key]!.amount += flow.amount
            pair[key]!.channels[flow.channel, default: 0] += flow.amount
        }
        var nodes: [String: SankeyDiagram.Node] = [:]
        var through: [String: Double] = [:]
        var links: [SankeyDiagram.Link] = []
        func node(for participant: RunParticipant, asPayee: Bool, payerStage: SectorStyle.Stage) -> SankeyDiagram.Node? {
            let stage = participant.sector == .powerGrid ? .funders : SectorStyle.stage(participant.sector)
            if stage == .funders {
                if asPayee {
                    guard payerStage != .funders else { return nil }
                    let group = participant.sector == .powerGrid ? "power" : (SectorStyle.funding(participant.sector, id: participant.id) ?? "other")
                    let label =
                        switch group {
                        case "end users": "Households"
                        case "investors": "Investors"
                        case "lenders": "Lenders"
                        case "power": "Power & grid"
                        default: "State & rest of world"
                        }
                    return .init(id: "out:" + group, label: label, column: SectorStyle.Stage.paidOut.rawValue, color: ChartPalette.other)
                }
                let label = participant.sector == .household ? "End users" : Self.shortName(participant.name)
                return .init(id: participant.id, label: label, column: 0, color: SectorStyle.moneyColor(participant.sector, id: participant.id))
            }
            return .init(
                id: participant.id, label: Self.shortName(participant.name), column: stage.rawValue, color: SectorStyle.color(participant.sector))
        }
        for key in order {
            let entry = pair[key]!
            let payerStage = entry.payer.sector == .powerGrid ? SectorStyle.Stage.funders : SectorStyle.stage(entry.payer.sector)
            let payeeStage = entry.payee.sector == .powerGrid ? SectorStyle.Stage.funders : SectorStyle.stage(entry.payee.sector)
            if payerStage == .funders && payeeStage == .funders { continue }
            guard entry.amount > 0, let source = node(for: entry.payer, asPayee: false, payerStage: payerStage),
                let target = node(for: entry.payee, asPayee: true, payerStage: payerStage)
            else { continue }
            nodes[source.id] = source
            nodes[target.id] = target
            through[source.id, default: 0] += entry.amount
            through[target.id, default: 0] += entry.amount
            let upstream = target.column <= source.column
            let color = upstream ? ChartPalette.cycle : SectorStyle.moneyColor(entry.payer.sector, id: entry.payer.id)
            let detail = entry.channels.sorted { $0.value > $1.value }.map { "\($0.key) \(ValueUnit.usd.text($0.value))" }.joined(separator: ", ")
            if let k = links.firstIndex(where: { $0.source == source.id && $0.target == target.id }) {
                links[k].value += entry.amount
                links[k].detail += "; " + detail
            } else {
                links.append(.init(source: source.id, target: target.id, value: entry.amount, color: color, detail: detail))
            }
        }
        let rank = ["end users": 0, "investors": 1, "lenders": 2]
        let ordered = nodes.values.sorted { a, b in
            if a.column != b.column { return a.column < b.column }
            if a.column == 0 {
                let ra = rank[detail.participant(a.id).flatMap { SectorStyle.funding($0.sector, id: $0.id) } ?? ""] ?? 3
                let rb = rank[detail.participant(b.id).flatMap { SectorStyle.funding($0.sector, id: $0.id) } ?? ""] ?? 3
                if ra != rb { return ra < rb }
            }
            let (ta, tb) = (through[a.id] ?? 0, through[b.id] ?? 0)
            return ta != tb ? ta > tb : a.id < b.id
        }
        let tallest = (0...SectorStyle.Stage.paidOut.rawValue).map { c in ordered.filter { $0.column == c }.count }.max() ?? 0
        return SankeyDiagram(
            title: "Money flows in \(flowLabel)", columnTitles: SectorStyle.Stage.allCases.map(\.title),
            nodes: ordered, links: links, columnHeight: max(420, Double(tallest) * 24))
    }

    /// The money-flow section: the Sankey and the largest payments of the period.
    func moneyFlowSection() -> HTMLSection {
        var body = "<p>Who paid whom in <strong>\(XMLText.escape(flowLabel))</strong> (choose another month with "
        body += "<code>--period YYYY-MM</code>). Ribbons are as wide as the money: green from end users, blue from investors, "
        body += "orange from lenders, grey between firms. Red lanes under the columns carry money going back upstream or "
        body += "within a stage (a chipmaker or cloud buying a lab's shares, a cloud renting another's capacity): the circle. "
        body += "Each node is labelled with the larger of the money in and out.</p>\n"
        let sankey = moneyFlowSankey()
        body += HTMLFigure.markup(
            caption: "Money flows between the entities of the chain in \(flowLabel), USD. "
                + "Hover a ribbon for what the money paid for."
        ) { () throws(ChartError) in try sankey.render() }
        let flows = detail.flows(in: flowPeriod).sorted { $0.amount > $1.amount }.prefix(20)
        if !flows.isEmpty {
            body += "<h3>The largest payments in \(XMLText.escape(flowLabel))</h3>\n"
            var table = HTMLTable(header: ["payer", "payee", "for", "kind", "amount"], numericColumns: [4])
            for flow in flows {
                table.rows.append([
                    .text(name(flow.payer)), .text(name(flow.payee)), .text(flow.channel), .text(flow.kind.rawValue),
                    .number(ValueUnit.usd.text(flow.amount)),
                ])
            }
            body += table.rendered()
        }
        return HTMLSection(id: "money-flow", title: "Money flows in \(flowLabel)", body: body)
    }
}
