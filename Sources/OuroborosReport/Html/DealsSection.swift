public import OuroborosEngine

extension NetworkRunHTMLReport {
    /// The scenario's deals in file order with their sources as links (or marked as assumptions).
    func dealsSection() -> HTMLSection {
        var body = "<p>The \(scenario.deals.count) deals of the scenario as written in its file. Sources link to the report "
        body +=
            "each figure comes from; deals marked <em>assumption</em> are modelling choices, not reported figures, and <em>partly assumed</em> ones say in the scenario file which of their terms are assumed.</p>\n"
        var table = HTMLTable(header: ["id", "kind", "from", "to", "amount", "signed", "source"], numericColumns: [4, 5])
        for deal in scenario.deals {
            var source = ""
            if let link = deal.source {
                source = HTMLTable.link(link.title.isEmpty ? link.url : link.title, url: link.url)
            }
            if deal.assumption { source += source.isEmpty ? "<em>assumption</em>" : " <em>(partly assumed)</em>" }
            if source.isEmpty { source = "<span class=\"muted\">no source given</span>" }
            let signed = result.periodLabels.indices.contains(deal.signed) ? result.periodLabels[deal.signed] : "\(deal.signed)"
            table.rows.append([
                .text(deal.id), .text(Self.words(deal.kind)), .text(name(deal.from)), .text(name(deal.to)),
                .number(ValueUnit.usd.text(deal.amount)), .number(signed), .markup("<span class=\"source\">\(source)</span>"),
            ])
        }
        body += table.rendered()
        return HTMLSection(id: "deals", title: "Deals and sources", body: body)
    }
}
