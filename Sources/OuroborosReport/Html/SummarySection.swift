import OuroborosCore
import OuroborosEngine

extension NetworkRunHTMLReport {
    /// Does the loop hold or break, when, the first failure and the chain that followed, the
    /// weakest link, and each firm at the end of the run.
    func summarySection() -> HTMLSection {
        let labels = result.periodLabels
        let s = result.summary
        var body = ""
        if s.broke {
            body += "<p class=\"verdict breaks\">The financing loop BREAKS in \(XMLText.escape(s.breakLabel ?? "?")).</p>\n"
        } else {
            body += "<p class=\"verdict holds\">The financing loop HOLDS through \(XMLText.escape(labels[labels.count - 1])).</p>\n"
        }
        if let failure = s.firstFailure {
            body +=
                "<p><strong>\(s.broke ? "What broke it" : "First failure (the loop held)"):</strong> in \(XMLText.escape(labels[failure.period])), "
            body += "\(XMLText.escape(name(failure.entity)))"
            if let counterparty = failure.counterparty { body += " (with \(XMLText.escape(name(counterparty))))" }
            body += ": \(XMLText.escape(Self.words(failure.type)))"
            if failure.amount != 0 { body += ", \(XMLText.escape(ValueUnit.usd.text(failure.amount)))" }
            body += " — \(XMLText.escape(failure.cause))</p>\n"
        } else {
            body += "<p>No failure of any kind happened during the run.</p>\n"
        }
        if let chart = summaryChart() {
            body += HTMLFigure.markup(caption: chart.caption) { () throws(ChartError) in try chart.chart.render() }
        }
        if !s.chain.isEmpty {
            body += "<h3>The chain of events that followed</h3>\n<ol class=\"chain\">\n"
            for event in s.chain {
                body += "<li><strong>\(XMLText.escape(labels[event.period]))</strong> \(XMLText.escape(name(event.entity))): "
                body += XMLText.escape(Self.words(event.type))
                if event.amount != 0 { body += " \(XMLText.escape(ValueUnit.usd.text(event.amount)))" }
                body += " — \(XMLText.escape(event.cause))</li>\n"
            }
            body += "</ol>\n"
        }
        body += "<p><strong>Weakest link:</strong> \(XMLText.escape(s.weakestLink))</p>\n"
        let last = labels.count - 1
        let money = { (value: Double) -> HTMLTable.Cell in .number(ValueUnit.usd.text(value)) }
        body += "<h3>AI firms at \(XMLText.escape(labels[last])): revenue over the run and where it came from</h3>\n"
        var firms = HTMLTable(
            header: ["firm", "sector", "cash", "debt", "value", "revenue", "end users", "investors", "lenders", "round trip", "defaulted"],
            numericColumns: Set(2...9))
        var funders = HTMLTable(header: ["investor or lender", "sector", "cash", "debt", "value", "defaulted"], numericColumns: Set(2...4))
        for e in result.entities where e.isFirm {
            let defaulted = HTMLTable.Cell.text(e.defaultPeriod.map { labels[$0] } ?? "")
            if SectorStyle.funding(e.sector, id: e.id) != nil && e.sector != .powerGrid {
                funders.rows.append([
                    .text(Self.shortName(e.name)), .text(e.sector.displayName), money(e.cash[last]), money(e.debt[last]),
                    money(e.marketValue[last]), defaulted,
                ])
                continue
            }
            let o = e.revenueOrigin
            let revenue = e.revenue.reduce(0, +)
            func share(_ x: Double) -> HTMLTable.Cell { .number(revenue > 0 && o.revenue > 0 ? ValueUnit.percent.text(x) : "–") }
            firms.rows.append([
                .text(Self.shortName(e.name)), .text(e.sector.displayName), money(e.cash[last]), money(e.debt[last]),
                money(e.marketValue[last]), money(revenue), share(o.endUsers), share(o.investors), share(o.lenders),
                share(o.roundTrip), defaulted,
            ])
        }
        body += firms.rendered()
        if !funders.rows.isEmpty {
            body += "<h3>Investors and lenders at \(XMLText.escape(labels[last]))</h3>\n" + funders.rendered()
        }
        body += "<p class=\"muted small\">Revenue origin traces each payment back through the payers' cash (proportional mixing, M2): "
        body += "end users are households; investors are venture, sovereign and hedge funds and insiders; lenders are banks, "
        body += "private credit and bond investors; round trip is money that left the firm and came back. "
        body += "Checks: the balance-sheet and transactions-flow matrices closed in every period (largest relative imbalance "
        body += "\(XMLText.escape(NumberText.full(result.maxRelativeImbalance)))).</p>\n"
        return HTMLSection(id: "summary", title: "Summary: does the loop hold?", body: body)
    }
}
