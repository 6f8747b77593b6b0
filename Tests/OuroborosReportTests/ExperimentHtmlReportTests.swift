import Foundation
import OuroborosEngine
import OuroborosExperiments
import OuroborosReport
import OuroborosScenario
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Small experiments whose reports the tests read: a lab that owes a cloud $1B a month for 24
/// months, hit by a demand shock of −10% … −30% (it breaks when the shock exceeds 5/23), with its
/// cash uncertain, so that some runs break and some hold.
enum ExperimentFixtures {
    static let text =
        sharedFixture("lab-and-cloud.yaml") + """
            shocks: [demand:-20%@2025-01]
            uncertain:
              shocks.1.size: {dist: uniform, low: -30%, high: -10%}
              entities.lab.cash: {dist: triangular, low: $3.5B, mode: $4.5B, high: $5.5B}

            """

    static let scenario: NetworkScenario = {
        guard case .network(let scenario) = try! ScenarioLoader.parse(text, file: "fragile.yaml") else { fatalError("a network scenario") }
        return scenario
    }()

    /// 60 runs of the Monte Carlo experiment, and its summary.
    static let monteCarlo: MonteCarloSummary = {
        let experiment = MonteCarloExperiment(scenario: scenario, runs: 60, seed: 11)
        return experiment.summary(of: Dictionary(uniqueKeysWithValues: (0..<60).map { ($0, experiment.outcome(ofRun: $0)) }))
    }()

    /// The page of `report`, checked to be well-formed with every SVG well-formed.
    static func checkedPage(_ html: String) throws -> [String] {
        _ = try XMLSupport.parse(html)
        let svgs = XMLSupport.svgs(in: html)
        for svg in svgs { _ = try XMLSupport.parse(svg) }
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("src=\""), "the report loads nothing")
        #expect(!html.contains("chart-error\">Chart not drawn"), "every chart is drawn")
        return svgs
    }

    /// The `<svg>` of `html` whose class list holds `cssClass`.
    static func svg(_ cssClass: String, in html: String) throws -> XMLElement {
        let found = XMLSupport.svgs(in: html).first { $0.contains("class=\"chart \(cssClass)") }
        return try XMLSupport.parse(try #require(found, "no \(cssClass) chart")).rootElement()!
    }

    /// The scale written on an SVG as `data-AXIS-domain` / `data-AXIS-range`.
    static func scale(_ axis: String, of svg: XMLElement) throws -> LinearScale {
        let domain = try #require(XMLSupport.attribute("data-\(axis)-domain", of: svg)).split(separator: " ").compactMap { Double($0) }
        let range = try #require(XMLSupport.attribute("data-\(axis)-range", of: svg)).split(separator: " ").compactMap { Double($0) }
        return LinearScale(domain: domain[0]...domain[1], rangeStart: range[0], rangeEnd: range[1])
    }
}

@Suite("HTML reports of experiments")
struct ExperimentHtmlReportTests {
    @Test("the Monte Carlo report holds its sections, and its charts plot the summary's figures")
    func monteCarlo() throws {
        let summary = ExperimentFixtures.monteCarlo
        #expect(summary.brokenRuns > 0 && summary.heldRuns > 0, "the fixture has both outcomes")
        let report = MonteCarloHTMLReport(summary: summary, scenario: ExperimentFixtures.scenario)
        let html = report.html()
        let svgs = try ExperimentFixtures.checkedPage(html)
        for id in ["summary", "break-probability", "break-timing", "first-failures", "key-series", "definition"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(svgs.count == 3 + summary.quantileSeries.count, "break probability, break periods, first failures, one fan per series")
        #expect(html.contains("uniform(-0.3, -0.1)") && html.contains("triangular(3.50B, 4.50B, 5.50B)") && html.contains("fragile.yaml:"))
        #expect(!html.contains("PARTIAL"))

        // Break probability: one dot per year at the summary's probability.
        let curve = try ExperimentFixtures.svg("break-probability", in: html)
        let y = try ExperimentFixtures.scale("y", of: curve)
        let dots = XMLSupport.elements(named: "circle", in: curve)
        #expect(dots.count == summary.breakProbability.count)
        for (dot, year) in zip(dots, summary.breakProbability) {
            #expect(abs(y.invert(Double(XMLSupport.attribute("cy", of: dot)!)!) - year.probability) <= y.valuePerUnit * 0.01)
        }
        // Break periods: one bar per period with its count.
        let bars = try report.breakPeriodChart().render()
        let drawn = try ExperimentHtmlChartTests.verticalBars(bars)
        #expect(drawn.map(\.label) == summary.breakPeriods.map(\.label))
        for (bar, period) in zip(drawn, summary.breakPeriods) { #expect(abs(bar.value - Double(period.count)) <= bars.yScale!.valuePerUnit * 0.02) }
        // Fan charts: the median line is the p50 series.
        for (series, (_, fan)) in zip(summary.quantileSeries, report.fanCharts()) {
            let chart = try fan.render()
            let root = try XMLSupport.parse(chart.svg).rootElement()!
            let median = XMLSupport.points(XMLSupport.attribute("points", of: XMLSupport.elements(named: "polyline", in: root)[0])!)
            #expect(median.count == series.p50.count)
            for (point, value) in zip(median, series.p50) { #expect(abs(chart.yScale!.invert(point.y) - value) <= chart.yScale!.valuePerUnit * 0.01) }
        }
        // Who failed first: the ranked bars are the counts.
        let failures = try report.firstFailureChart().render()
        let ranked = try XMLSupport.parse(failures.svg).rootElement()!
        let values = XMLSupport.elements(named: "rect", in: ranked).compactMap { XMLSupport.attribute("data-value", of: $0).flatMap(Double.init) }
        #expect(values == summary.firstFailures.map { Double($0.count) })
        for chart in [try report.breakProbabilityChart().render(), bars, failures] + (try report.fanCharts().map { try $0.chart.render() }) {
            #expect(LabelBox.firstOverlap(in: chart.labels) == nil, "\(String(describing: LabelBox.firstOverlap(in: chart.labels)))")
        }
    }

    @Test("a partial Monte Carlo report says so")
    func partial() throws {
        let experiment = MonteCarloExperiment(scenario: ExperimentFixtures.scenario, runs: 10, seed: 1)
        let summary = experiment.summary(of: Dictionary(uniqueKeysWithValues: (0..<4).map { ($0, experiment.outcome(ofRun: $0)) }))
        let html = MonteCarloHTMLReport(summary: summary, scenario: ExperimentFixtures.scenario).html()
        #expect(html.contains("PARTIAL: 4 of 10 runs done"))
        _ = try ExperimentFixtures.checkedPage(html)
    }

    @Test("the sensitivity report draws the ranked indices (Morris μ* and σ, Sobol ST and S1 with intervals) and the table")
    func sensitivity() async throws {
        let scenario = ExperimentFixtures.scenario
        for method: SensitivityStudy.Method in [.morris(MorrisMethod(trajectories: 4, levels: 4, seed: 5)), .sobol(SobolMethod(samples: 6, seed: 5))]
        {
            let study = SensitivityStudy(scenario: scenario, outcome: .timeToBreak, method: method, seed: 5)
            let result = await study.run(threads: 2)
            let report = SensitivityHTMLReport(result: result, scenario: scenario, shocks: [])
            let html = report.html()
            let svgs = try ExperimentFixtures.checkedPage(html)
            #expect(html.contains("<section id=\"summary\">") && html.contains("<section id=\"tornado\">"))
            #expect(html.contains("time-to-break: periods until the loop broke"))
            let chart = try report.indexChart().render()
            #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
            let root = try XMLSupport.parse(chart.svg).rootElement()!
            let primary = XMLSupport.elements(named: "rect", in: root).filter { XMLSupport.attribute("class", of: $0) == "bar primary" }
            let secondary = XMLSupport.elements(named: "rect", in: root).filter { XMLSupport.attribute("class", of: $0) == "bar secondary" }
            // Drawn in the result's ranking order, with its figures.
            #expect(primary.map { XMLSupport.attribute("data-series", of: $0)! } == result.indices.map(\.parameter))
            if result.method == "morris" {
                #expect(primary.map { Double(XMLSupport.attribute("data-value", of: $0)!)! } == result.indices.map { $0.muStar! })
                #expect(secondary.map { Double(XMLSupport.attribute("data-value", of: $0)!)! } == result.indices.map { $0.sigma! })
                #expect(svgs.count == 2, "the ranking and the swing tornado")
                let swing = try #require(report.swingChart()).render()
                #expect(LabelBox.firstOverlap(in: swing.labels) == nil)
                #expect(html.contains("<th class=\"num\">μ*</th>"))
            } else {
                #expect(primary.map { Double(XMLSupport.attribute("data-value", of: $0)!)! } == result.indices.map { $0.total! })
                #expect(secondary.map { Double(XMLSupport.attribute("data-value", of: $0)!)! } == result.indices.map { $0.firstOrder! })
                #expect(svgs.count == 1)
                #expect(html.contains("ST interval"))
            }
            for (rank, index) in result.indices.enumerated() {
                #expect(html.contains("<td class=\"num\">\(rank + 1)</td><td>\(index.parameter)</td>"))
            }
        }
    }

    @Test("the tipping report gives the answer, the runs of the search, and the run at the tipping size")
    func tipping() throws {
        var scenario = ExperimentFixtures.scenario
        scenario.shocks = []
        let template = try NetworkShock.parse("demand:-1%@2025-01", calendar: scenario.calendar, entityIDs: ["lab", "cloud"])
        let point = try TippingPointSearch(scenario: scenario, shock: template).run()
        let size = try #require(point.size)
        let shock = TippingHTMLReport.shock(point, size: size, in: scenario)
        #expect(shock.size == size && shock.text.hasPrefix("demand:-21.") && shock.text.hasSuffix("%@2025-01"))
        let run = try NetworkSimulation(scenario: scenario, shocks: [shock]).runWithDetail(seed: scenario.seed)
        #expect(
            run.result.summary.broke && run.result.summary.breakLabel == point.breaking?.breakLabel, "the run at the tipping size is the search's")
        let report = TippingHTMLReport(point: point, scenario: scenario, seed: scenario.seed, run: run)
        let html = report.html()
        _ = try ExperimentFixtures.checkedPage(html)
        for id in ["tipping-point", "search", "summary", "time-series", "money-flow", "network", "matrices", "deals"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.contains("The smallest demand shock in 2025-01 that breaks the loop by 2026-12: \(ShockSizeText(kind: .demand).text(size))"))
        let cause = try #require(point.breaking?.firstFailure?.cause)
        #expect(html.contains(XMLText.escape(cause)))
        let chart = try report.searchChart().render()
        let bars = try ExperimentHtmlChartTests.verticalBars(chart)
        #expect(bars.count == point.probes.count)
        for (bar, probe) in zip(bars, point.probes) { #expect(abs(bar.value - probe.size) <= chart.yScale!.valuePerUnit * 0.02) }
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
    }

    @Test("the comparison report sets the outcomes side by side and draws each case's key series")
    func comparison() async throws {
        var base = ExperimentFixtures.scenario
        base.shocks = []
        let severe = try NetworkShock.parse("demand:-30%@2025-01", calendar: base.calendar, entityIDs: ["lab", "cloud"])
        let cases = [ScenarioComparison.Case(label: "baseline", scenario: base), .init(label: "demand -30%", scenario: base, shocks: [severe])]
        let columns = await ScenarioComparison(cases: cases).run(threads: 2)
        let runs = try zip(cases, columns).map { item, column in
            var scenario = item.scenario
            scenario.shocks += item.shocks
            return ComparisonHTMLReport.Run(
                column: column, result: try NetworkSimulation(scenario: scenario).run(seed: column.seed),
                keySeries: KeySeries.all(for: scenario))
        }
        let report = ComparisonHTMLReport(runs: runs)
        let html = report.html()
        let svgs = try ExperimentFixtures.checkedPage(html)
        for id in ["outcomes", "key-series", "runs"] { #expect(html.contains("<section id=\"\(id)\">")) }
        #expect(html.contains("<td>holds</td><td>breaks</td>") && html.contains("<td>–</td><td>2026-05</td>"))
        let charts = report.seriesCharts()
        #expect(svgs.count == charts.count && charts.count == columns[0].keySeries.count)
        for chart in charts {
            let rendered = try chart.chart.render()
            #expect(LabelBox.firstOverlap(in: rendered.labels) == nil)
            let plotted = try XMLSupport.plottedValues(rendered)
            for run in runs {
                let series = try #require(run.keySeries.first { $0.name == chart.id })
                let expected = series.values(in: run.result!, at: Array(run.result!.periodLabels.indices))
                let points = try #require(plotted["\(run.column.label)/\(chart.id)"])
                #expect(points.count == expected.count)
                for point in points { #expect(abs(point.value - expected[point.index]) <= rendered.yScale!.valuePerUnit * 0.01) }
            }
        }
    }

    @Test("the built-in scenario's experiment charts keep their labels apart (Monte Carlo of 3 runs; its 16 parameters ranked)")
    func builtInLabels() async throws {
        let scenario = BuiltInRun.scenario
        let experiment = MonteCarloExperiment(scenario: scenario, runs: 3, seed: scenario.seed)
        let summary = experiment.summary(of: await experiment.run(threads: 3))
        let report = MonteCarloHTMLReport(summary: summary, scenario: scenario)
        _ = try ExperimentFixtures.checkedPage(report.html())
        var charts = [try report.breakProbabilityChart().render(), try report.breakPeriodChart().render()]
        if !summary.firstFailures.isEmpty { charts.append(try report.firstFailureChart().render()) }
        charts += try report.fanCharts().map { try $0.chart.render() }
        #expect(charts.count >= 7)
        for chart in charts {
            #expect(LabelBox.firstOverlap(in: chart.labels) == nil, "\(String(describing: LabelBox.firstOverlap(in: chart.labels)))")
        }
        // The ranking of the built-in's parameters, with figures as wide as they print.
        let rows = scenario.uncertain.enumerated().map { k, parameter in
            RankedBarChart.Row(
                label: parameter.path.description, value: Double(16 - k) * 1.37, interval: 0...Double(20 - k) * 1.4,
                secondary: Double(k) * 0.6, secondaryInterval: 0...Double(k + 1), text: "ST 21.920 · S1 9.600")
        }
        #expect(rows.count == 16)
        let ranking = try RankedBarChart(title: "t", rows: rows, unit: .number, valueTitle: "share", primaryName: "ST", secondaryName: "S1").render()
        #expect(LabelBox.firstOverlap(in: ranking.labels) == nil, "\(String(describing: LabelBox.firstOverlap(in: ranking.labels)))")
    }
}
