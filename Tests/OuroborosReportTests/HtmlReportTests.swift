import Foundation
import OuroborosCore
import OuroborosEngine
import OuroborosReport
import OuroborosScenario
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The built-in scenario's run with its detail, computed once for the suite.
enum BuiltInRun {
    static let scenario: NetworkScenario = {
        guard case .network(let scenario) = try! ScenarioLoader.resolve(BuiltInScenarios.defaultName) else { fatalError("not a network scenario") }
        return scenario
    }()
    static let run: (result: NetworkRunResult, detail: RunDetail) = try! NetworkSimulation(scenario: scenario).runWithDetail()
    static let report = NetworkRunHTMLReport(result: run.result, detail: run.detail, scenario: scenario)
    static let html = report.html()
}

@Suite("HTML report of the built-in scenario")
struct HtmlReportTests {
    let report = BuiltInRun.report
    let result = BuiltInRun.run.result
    let detail = BuiltInRun.run.detail

    @Test("the report holds every section: summary, time series, money flows, network, matrices, deals")
    func sections() throws {
        let html = BuiltInRun.html
        for id in ["summary", "time-series", "money-flow", "network", "matrices", "deals"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.contains(result.summary.broke ? "The financing loop BREAKS in \(result.summary.breakLabel!)" : "The financing loop HOLDS"))
        let failure = try #require(result.summary.firstFailure)
        #expect(html.contains(XMLText.escape(failure.cause)))
        for event in result.summary.chain { #expect(html.contains(XMLText.escape(event.cause))) }
        for id in ["prices", "cash", "debt", "credit-spreads", "revenue", "revenue-origin", "speculative", "rates"] {
            #expect(html.contains("id=\"chart-\(id)\""), "missing chart \(id)")
        }
        #expect(html.contains("Balance sheet at the end of \(report.flowLabel)") && html.contains("Transactions flow in \(report.flowLabel)"))
        let sourced = BuiltInRun.scenario.deals.compactMap(\.source).filter { $0.url.hasPrefix("https://") || $0.url.hasPrefix("http://") }
        #expect(!sourced.isEmpty)
        for source in sourced { #expect(html.contains("href=\"\(XMLText.escape(source.url))\""), "no link to \(source.url)") }
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\""), "the report loads nothing")
    }

    @Test("the page and every SVG in it are well-formed XML; one SVG per chart")
    func wellFormed() throws {
        let html = BuiltInRun.html
        _ = try XMLSupport.parse(html)
        let svgs = XMLSupport.svgs(in: html)
        #expect(svgs.count == report.lineCharts().count + 2, "time series, the Sankey and the network")
        for svg in svgs { _ = try XMLSupport.parse(svg) }
    }

    @Test("every plotted point maps back, through the chart's scales, to the CSV export's value (or the origin totals)")
    func pointsMatchExport() throws {
        var csv: [String: Double] = [:]
        for line in NetworkRunReport(result: result).csv().split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            csv["\(fields[0]),\(fields[1]),\(fields[2])"] = Double(fields[3])!
        }
        var checked = 0
        for chart in report.lineCharts() {
            let rendered = try chart.chart.render()
            #expect(BuiltInRun.html.contains(rendered.svg), "the report draws \(chart.id) as rendered here")
            let tolerance = rendered.yScale!.valuePerUnit * 0.01
            for (key, points) in try XMLSupport.plottedValues(rendered) {
                let parts = key.split(separator: "/").map(String.init)
                for point in points {
                    let label = chart.chart.periods[point.index]
                    let expected: Double
                    switch parts[1] {
                    case "price_index":
                        expected = 100 * csv["\(label),\(parts[0]),price"]! / csv["\(result.periodLabels[0]),\(parts[0]),price"]!
                    case _ where parts[0] == "origin":
                        let t = result.periodLabels.firstIndex(of: label)!
                        let firms = detail.participants.indices.filter {
                            SectorStyle.funding(detail.participants[$0].sector, id: detail.participants[$0].id) == nil
                        }
                        let total = firms.reduce(OriginAmounts()) { $0 + detail.revenueByOrigin![t][$1] }
                        expected = [
                            "end_users": total.endUsers, "investors": total.investors, "lenders": total.lenders,
                            "round_trip": total.roundTrip, "other": total.other,
                        ][parts[1]]!
                    default:
                        expected = try #require(csv["\(label),\(parts[0]),\(parts[1])"], "no CSV row for \(label),\(key)")
                    }
                    #expect(abs(point.value - expected) <= tolerance, "\(key) at \(label): plotted \(point.value), exported \(expected)")
                    #expect(rendered.yScale!.domain.contains(expected), "axis of \(chart.id) does not contain \(expected)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    @Test("no two labels overlap in any chart of the report, nor in the Sankey of any month")
    func noOverlappingLabels() throws {
        for chart in report.lineCharts() {
            let overlap = LabelBox.firstOverlap(in: try chart.chart.render().labels)
            #expect(overlap == nil, "\(chart.id): \(String(describing: overlap))")
        }
        let network = try report.networkDiagram().render()
        #expect(LabelBox.firstOverlap(in: network.labels) == nil)
        for period in 1..<result.periodLabels.count {
            var monthly = report
            monthly.flowPeriod = period
            let sankey = try monthly.moneyFlowSankey().render()
            let overlap = LabelBox.firstOverlap(in: sankey.labels)
            #expect(overlap == nil, "Sankey of \(result.periodLabels[period]): \(String(describing: overlap))")
            for label in sankey.labels { #expect(label.x >= 0 && label.x + label.width <= 860.5, "\(label.text) leaves the drawing") }
        }
    }

    @Test("the captured payments account for every change in each firm's cash")
    func flowsAccountForCash() {
        var net: [String: Double] = [:]
        for flow in detail.flows {
            net["\(flow.period),\(flow.payee)", default: 0] += flow.amount
            net["\(flow.period),\(flow.payer)", default: 0] -= flow.amount
        }
        var gross: [String: Double] = [:]
        for flow in detail.flows {
            gross["\(flow.period),\(flow.payee)", default: 0] += flow.amount
            gross["\(flow.period),\(flow.payer)", default: 0] += flow.amount
        }
        for entity in result.entities where entity.isFirmForTests {
            for t in 1..<result.periodLabels.count {
                let change = entity.cash[t] - entity.cash[t - 1]
                let flows = net["\(t),\(entity.id)"] ?? 0
                let scale = (gross["\(t),\(entity.id)"] ?? 0) + abs(entity.cash[t]) + abs(entity.cash[t - 1])
                #expect(
                    abs(change - flows) <= 1e-9 * scale + 1e-3,
                    "\(entity.id) in \(result.periodLabels[t]): cash moved \(change), payments net \(flows)")
            }
        }
        #expect(detail.flows.allSatisfy { $0.amount > 0 && $0.payer != $0.payee })
    }

    @Test("the matrices shown close, and the detailed run gives the same result as a plain run")
    func matricesAndSameResult() throws {
        #expect(detail.balanceSheets.count == result.periodLabels.count && detail.transactionsFlows.count == result.periodLabels.count)
        #expect(detail.balanceSheets[report.flowPeriod].firstImbalance(relativeTolerance: 1e-9, absoluteFloor: 1) == nil)
        #expect(detail.transactionsFlows[report.flowPeriod].firstImbalance(relativeTolerance: 1e-9, absoluteFloor: 1) == nil)
        let plain = try NetworkSimulation(scenario: BuiltInRun.scenario).run()
        #expect(NetworkRunReport(result: plain).csv() == NetworkRunReport(result: result).csv())
        #expect(NetworkRunReport(result: plain).json() == NetworkRunReport(result: result).json())
    }

    @Test("the flow period defaults to the month before the break and can be chosen")
    func flowPeriod() {
        if let broke = result.summary.breakPeriod { #expect(report.flowPeriod == broke - 1) }
        let chosen = NetworkRunHTMLReport(result: result, detail: detail, scenario: BuiltInRun.scenario, flowPeriod: 7)
        #expect(chosen.flowLabel == result.periodLabels[7])
        #expect(chosen.html().contains("Money flows in \(result.periodLabels[7])"))
    }

    @Test("names, descriptions and sources are escaped, and only http(s) sources become links")
    func hostileText() throws {
        var scenario = BuiltInRun.scenario
        scenario.name = "<script>alert('x')</script>"
        scenario.description = "A & B < C"
        scenario.deals[0].source = DealSource(url: "javascript:alert(1)", title: "<b>bold</b>")
        scenario.deals[1].source = DealSource(url: "https://example.com/?a=1&b=\"2\"", title: "quote \" and <tag>")
        let run = try NetworkSimulation(scenario: scenario).runWithDetail()
        let html = NetworkRunHTMLReport(result: run.result, detail: run.detail, scenario: scenario).html()
        _ = try XMLSupport.parse(html)
        #expect(!html.contains("<script") && !html.contains("<b>bold") && !html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;") && html.contains("A &amp; B &lt; C"))
        #expect(html.contains("href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\""))
    }

    @Test("experiment sections: fan chart, break probability and tornado appear in the report; invalid data shows its error")
    func experimentSection() throws {
        let years = ["2026", "2027", "2028", "2029", "2030"]
        let periods = Array(result.periodLabels.prefix(13))
        let cash = result.entity("openai")!.cash.prefix(13)
        let section = ExperimentSection(
            title: "Monte Carlo: 200 runs", description: "200 seeds, demand growth ±20%.",
            fanCharts: [
                (
                    FanChart(
                        title: "OpenAI cash", periods: periods,
                        series: [
                            .init(
                                label: "OpenAI", p05: cash.map { $0 * 0.8 }, p50: Array(cash),
                                p95: cash.map { $0 * 1.2 })
                        ], unit: .usd, valueTitle: "USD"),
                    "Cash of OpenAI over 200 runs, USD."
                )
            ],
            breakProbability: (
                BreakProbabilityChart(
                    years: years, probability: [0, 0.1, 0.3, 0.5, 0.6], lower: [0, 0.06, 0.24, 0.43, 0.53],
                    upper: [0.02, 0.15, 0.37, 0.57, 0.67]), "Share of runs broken by each year."
            ),
            tornado: (
                TornadoChart(
                    title: "Sensitivity", baseline: 0.5, bars: [.init(label: "rate", low: 0.4, high: 0.7)], unit: .percent,
                    outcome: "probability of a break"), "What moves the probability."
            ))
        let page = NetworkRunHTMLReport(result: result, detail: detail, scenario: BuiltInRun.scenario, extraSections: [section.section()]).html()
        _ = try XMLSupport.parse(page)
        for kind in ["fan-chart", "break-probability", "tornado"] { #expect(page.contains("class=\"chart \(kind)\"")) }
        #expect(page.contains("<section id=\"experiment\">") && page.contains("href=\"#experiment\""))
        let broken = ExperimentSection(
            title: "bad", breakProbability: (BreakProbabilityChart(years: ["2026"], probability: [.nan], lower: [0], upper: [1]), "x"))
        let markup = broken.section().body
        #expect(markup.contains("chart-error") && markup.contains("NaN or infinite"))
    }
}

extension EntityRun {
    /// Firms whose cash is their deposits (not banks, whose deposits are liabilities).
    var isFirmForTests: Bool { sector != .bank && sector != .centralBank && sector != .household && sector != .government }
}
