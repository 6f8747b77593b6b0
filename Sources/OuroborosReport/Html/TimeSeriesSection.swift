import OuroborosCore
import OuroborosEngine

extension NetworkRunHTMLReport {
    /// The most lines a chart draws (the palette's size); the CSV export has every series.
    static let linesPerChart = 8

    /// The run's time-series charts: market prices, cash, debt, credit spreads, revenue and revenue by origin,
    /// crypto and other speculative assets, the policy rate. Each line's `key` names the CSV
    /// export's `entity/variable` it draws (`price_index` is 100 × price / opening price).
    public func timeSeriesCharts() -> [ReportChart] {
        let periods = result.periodLabels
        let markers = breakMarkers
        let step = stepName
        var charts: [ReportChart] = []
        let equities = result.markets.filter { $0.kind == .equity }
        if !equities.isEmpty {
            let shown = Array(equities.prefix(ChartPalette.series.count))
            charts.append(
                ReportChart(
                    id: "prices",
                    caption: "Share prices of the listed firms, USD per share, at the end of each \(step)"
                        + (equities.count > shown.count ? " (\(shown.count) of \(equities.count) markets; all in the CSV export)." : "."),
                    chart: LineChart(
                        title: "Share prices", periods: periods,
                        series: shown.map { .init(label: marketLabel($0), values: $0.price, key: "\($0.id)/price") },
                        unit: .usd, valueTitle: "USD per share", periodTitle: "\(step) (end of period)", markers: markers)))
        }
        let chainFirms = result.entities.filter { SectorStyle.funding($0.sector, id: $0.id) == nil }
        func top(_ entities: [EntityRun], by measure: (EntityRun) -> Double) -> [EntityRun] {
            Array(entities.filter { measure($0) > 0 }.sorted { measure($0) > measure($1) }.prefix(Self.linesPerChart))
        }
        let cash = top(chainFirms) { $0.cash.max() ?? 0 }
        if !cash.isEmpty {
            charts.append(
                ReportChart(
                    id: "cash",
                    caption:
                        "Cash (bank deposits) of \(Self.count(cash.count, "AI firm")) with the most cash at their peak, USD at the end of each \(step)"
                        + " (\(chainFirms.count) in all; every entity is in the CSV export).",
                    chart: LineChart(
                        title: "Cash", periods: periods,
                        series: cash.map { .init(label: Self.shortName($0.name), values: $0.cash, key: "\($0.id)/cash") },
                        unit: .usd, valueTitle: "USD", periodTitle: "\(step) (end of period)", markers: markers)))
        }
        let debt = top(result.entities.filter(\.isFirm)) { $0.debt.max() ?? 0 }
        if !debt.isEmpty {
            charts.append(
                ReportChart(
                    id: "debt",
                    caption:
                        "Debt outstanding (bonds, bank loans, private credit, vendor and pledge loans) of \(Self.count(debt.count, "firm")) with the most debt at its peak, USD.",
                    chart: LineChart(
                        title: "Debt", periods: periods,
                        series: debt.map { .init(label: Self.shortName($0.name), values: $0.debt, key: "\($0.id)/debt") },
                        unit: .usd, valueTitle: "USD", periodTitle: "\(step) (end of period)", markers: markers)))
            let priced = debt.filter { !$0.creditSpread.isEmpty }
            if !priced.isEmpty {
                charts.append(
                    ReportChart(
                        id: "credit-spreads",
                        caption:
                            "Credit spread over the policy rate of a new bank loan to each of the same firms, % per year: its loan spread plus the add-on "
                            + "its leverage, interest coverage, liquidity, sentiment and recent failures put on it (M4). Floating debt pays it each \(step).",
                        chart: LineChart(
                            title: "Credit spreads", periods: periods,
                            series: priced.map { .init(label: Self.shortName($0.name), values: $0.creditSpread, key: "\($0.id)/credit_spread") },
                            unit: .percent, valueTitle: "% per year", periodTitle: "\(step) (end of period)", markers: markers)))
            }
        }
        let revenue = top(chainFirms) { $0.revenue.reduce(0, +) }
        if !revenue.isEmpty {
            charts.append(
                ReportChart(
                    id: "revenue",
                    caption:
                        "Revenue received in each \(step) by \(Self.count(revenue.count, "AI firm")) with the most revenue over the run, USD per \(step).",
                    chart: LineChart(
                        title: "Revenue", periods: Array(periods.dropFirst()),
                        series: revenue.map { .init(label: Self.shortName($0.name), values: Array($0.revenue.dropFirst()), key: "\($0.id)/revenue") },
                        unit: .usd, valueTitle: "USD per \(step)", periodTitle: step, markers: markers)))
        }
        if let origins = detail.revenueByOrigin {
            let firms = detail.participants.indices.filter {
                SectorStyle.funding(detail.participants[$0].sector, id: detail.participants[$0].id) == nil
            }
            let totals = origins.dropFirst().map { period in firms.reduce(OriginAmounts()) { $0 + period[$1] } }
            charts.append(
                ReportChart(
                    id: "revenue-origin",
                    caption: "Revenue of all AI firms (wrappers, labs, clouds, chipmakers) in each \(step) by where the money came from, "
                        + "USD per \(step): traced back through every payer's cash (M2). Round trip: a firm's own money that came back to it.",
                    chart: LineChart(
                        title: "Revenue by origin", periods: Array(periods.dropFirst()),
                        series: [
                            .init(label: "end users", values: totals.map(\.endUsers), key: "origin/end_users"),
                            .init(label: "investors", values: totals.map(\.investors), key: "origin/investors"),
                            .init(label: "lenders", values: totals.map(\.lenders), key: "origin/lenders"),
                            .init(label: "round trip", values: totals.map(\.roundTrip), key: "origin/round_trip"),
                            .init(label: "other", values: totals.map(\.other), key: "origin/other", dashed: true),
                        ], unit: .usd, valueTitle: "USD per \(step)", periodTitle: step, markers: markers)))
        }
        let speculative = result.markets.filter { $0.kind != .equity }
        if !speculative.isEmpty {
            charts.append(
                ReportChart(
                    id: "speculative",
                    caption: "Crypto and baskets of other listed assets (e.g. SaaS stocks) as a price index, opening = 100: "
                        + "the assets forced sellers sell first when liquidity dries up.",
                    chart: LineChart(
                        title: "Crypto and other speculative assets", periods: periods,
                        series: speculative.prefix(ChartPalette.series.count).map { m in
                            let base = m.price.first ?? 0
                            return .init(
                                label: "\(m.id) (\(m.kind.rawValue))", values: m.price.map { base != 0 ? 100 * $0 / base : .nan },
                                key: "\(m.id)/price_index")
                        }, unit: .number, valueTitle: "index, opening = 100", periodTitle: "\(step) (end of period)", markers: markers)))
        }
        charts.append(
            ReportChart(
                id: "rates",
                caption: "The central bank's policy rate and the equity risk premium, % per year (shocks included).",
                chart: LineChart(
                    title: "Policy rate", periods: periods,
                    series: [
                        .init(label: "policy rate", values: result.macro.policyRate, key: "macro/policy_rate"),
                        .init(label: "equity risk premium", values: result.macro.riskPremium, key: "macro/risk_premium", dashed: true),
                    ], unit: .percent, valueTitle: "% per year", periodTitle: step, markers: markers)))
        return charts
    }

    /// The summary's chart: cash, debt and revenue of the entity that failed first (and of its
    /// counterparty), or of the largest lab when nothing failed.
    public func summaryChart() -> ReportChart? {
        let failure = result.summary.firstFailure
        let firstLab = result.entities.filter { $0.sector == .modelLab }.max { ($0.revenue.max() ?? 0) < ($1.revenue.max() ?? 0) }
        guard let subject = failure.flatMap({ result.entity($0.entity) }) ?? firstLab else { return nil }
        let step = stepName
        var series: [LineChart.Series] = [
            .init(label: "\(Self.shortName(subject.name)) cash", values: subject.cash, key: "\(subject.id)/cash"),
            .init(label: "\(Self.shortName(subject.name)) debt", values: subject.debt, key: "\(subject.id)/debt"),
            .init(label: "\(Self.shortName(subject.name)) revenue per \(step)", values: subject.revenue, key: "\(subject.id)/revenue", dashed: true),
        ]
        if let other = failure?.counterparty.flatMap(result.entity) {
            series.append(.init(label: "\(Self.shortName(other.name)) cash", values: other.cash, key: "\(other.id)/cash"))
        }
        let who = failure == nil ? "the largest model lab" : "the firm that failed first"
        return ReportChart(
            id: "summary",
            caption: "Cash and debt at the end of each \(step) and revenue in each \(step) of \(who), \(Self.shortName(subject.name))"
                + (series.count > 3 ? ", and the cash of its counterparty" : "") + ", USD.",
            chart: LineChart(
                title: "\(subject.name): cash, debt and revenue", periods: result.periodLabels, series: series,
                unit: .usd, valueTitle: "USD", periodTitle: step, markers: breakMarkers))
    }

    /// Every line chart of the report: the summary's, then the time series.
    public func lineCharts() -> [ReportChart] { (summaryChart().map { [$0] } ?? []) + timeSeriesCharts() }

    /// The time-series section.
    func timeSeriesSection() -> HTMLSection {
        var body = "<p>Every value drawn here is in the CSV export (<code>ouroboros run --format csv</code>). "
        body += result.summary.broke ? "The dashed red line marks the period the loop broke.</p>\n" : "</p>\n"
        let titles = [
            "prices": "Market prices", "cash": "Cash", "debt": "Debt", "credit-spreads": "Credit spreads", "revenue": "Revenue",
            "revenue-origin": "Revenue by origin", "speculative": "Crypto and other speculative assets", "rates": "Policy rate",
        ]
        for chart in timeSeriesCharts() {
            body += "<h3 id=\"chart-\(chart.id)\">\(XMLText.escape(titles[chart.id] ?? chart.chart.title))</h3>\n"
            body += HTMLFigure.markup(caption: chart.caption) { () throws(ChartError) in try chart.chart.render() }
        }
        return HTMLSection(id: "time-series", title: "Over time", body: body)
    }
}

extension NetworkRunHTMLReport {
    /// The name of a market's issuer for equity, else the market's id.
    func marketLabel(_ market: MarketRun) -> String {
        scenario.markets.first { $0.id == market.id }?.issuer.map(name) ?? market.id
    }
}
