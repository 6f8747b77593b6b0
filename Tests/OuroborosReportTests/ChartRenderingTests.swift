import Foundation
import OuroborosReport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Charts: SVG well-formed, points on their values, invalid data refused or shown as a gap")
struct ChartRenderingTests {
    let periods = (0..<24).map { k in "\(2026 + k / 12)-\(k % 12 < 9 ? "0" : "")\(k % 12 + 1)" }

    @Test("a line chart's points map back to the series through its scales, and the axis contains them")
    func lineChartPoints() throws {
        let a = periods.indices.map { 1e9 * Double($0 * $0) - 3e10 }
        let b = periods.indices.map { 2.5e11 * sin(Double($0) / 3) }
        let chart = try LineChart(
            title: "test", periods: periods,
            series: [
                .init(label: "A <&>", values: a, key: "a"),
                .init(label: "B", values: b, key: "b"),
            ],
            unit: .usd, valueTitle: "USD"
        ).render()
        _ = try XMLSupport.parse(chart.svg)
        let plotted = try XMLSupport.plottedValues(chart)
        for (key, series) in [("a", a), ("b", b)] {
            let points = try #require(plotted[key])
            #expect(points.map(\.index) == Array(periods.indices))
            let tolerance = chart.yScale!.valuePerUnit * 0.01
            for point in points { #expect(abs(point.value - series[point.index]) <= tolerance) }
        }
        let domain = chart.yScale!.domain
        #expect((a + b).allSatisfy { domain.contains($0) })
        #expect(chart.svg.contains("A &lt;&amp;&gt;"))
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
    }

    @Test("NaN and infinity are not drawn: the line breaks there and a note names the series and periods")
    func gaps() throws {
        var values = periods.indices.map { Double($0) }
        values[5] = .nan
        values[6] = .infinity
        let chart = try LineChart(
            title: "gaps", periods: periods, series: [.init(label: "with gaps", values: values, key: "g")],
            unit: .number, valueTitle: "count"
        ).render()
        let document = try XMLSupport.parse(chart.svg)
        let lines = XMLSupport.elements(named: "polyline", in: document.rootElement()!)
        #expect(lines.count == 2, "two segments around the gap")
        #expect(!chart.svg.contains("nan") && !chart.svg.contains("inf"))
        #expect(chart.notes.count == 1)
        #expect(chart.notes[0].contains("with gaps") && chart.notes[0].contains(periods[5]) && chart.notes[0].contains(periods[6]))
        let plotted = try XMLSupport.plottedValues(chart)["g"]!
        #expect(plotted.map(\.index) == periods.indices.filter { $0 != 5 && $0 != 6 })
    }

    @Test("a series of the wrong length is an error naming it")
    func lengthMismatch() {
        #expect(throws: ChartError.lengthMismatch(series: "short", expected: periods.count, found: 3)) {
            try LineChart(title: "x", periods: periods, series: [.init(label: "short", values: [1, 2, 3])], unit: .number, valueTitle: "n").render()
        }
    }

    @Test("a fan chart draws one band per series between the 5% and 95% quantiles and the median on its values")
    func fanChart() throws {
        let p50 = periods.indices.map { 100 + Double($0) }
        let fan = FanChart(
            title: "Cash of OpenAI", periods: periods,
            series: [.init(label: "OpenAI", p05: p50.map { $0 - 20 }, p50: p50, p95: p50.map { $0 + 30 })],
            unit: .usd, valueTitle: "USD")
        let chart = try fan.render()
        let document = try XMLSupport.parse(chart.svg)
        let root = document.rootElement()!
        let band = try #require(XMLSupport.elements(named: "polygon", in: root).first)
        let bandPoints = XMLSupport.points(XMLSupport.attribute("points", of: band)!)
        #expect(bandPoints.count == 2 * periods.count)
        let y = chart.yScale!
        let tolerance = y.valuePerUnit * 0.01
        for (k, point) in bandPoints.prefix(periods.count).enumerated() { #expect(abs(y.invert(point.y) - (p50[k] + 30)) <= tolerance) }
        for (k, point) in bandPoints.suffix(periods.count).reversed().enumerated() { #expect(abs(y.invert(point.y) - (p50[k] - 20)) <= tolerance) }
        let median = XMLSupport.points(XMLSupport.attribute("points", of: XMLSupport.elements(named: "polyline", in: root)[0])!)
        for (k, point) in median.enumerated() { #expect(abs(y.invert(point.y) - p50[k]) <= tolerance) }
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
    }

    @Test("a fan chart refuses quantiles out of order and NaN, naming the series")
    func fanChartInvalid() {
        let ok = periods.map { _ in 1.0 }
        var bad = ok
        bad[3] = 0.5
        #expect(throws: ChartError.self) {
            try FanChart(title: "x", periods: periods, series: [.init(label: "S", p05: ok, p50: bad, p95: ok)], unit: .number, valueTitle: "n")
                .render()
        }
        var nan = ok
        nan[2] = .nan
        #expect(throws: ChartError.nonFinite(series: "S", index: 2)) {
            try FanChart(title: "x", periods: periods, series: [.init(label: "S", p05: nan, p50: ok, p95: ok)], unit: .number, valueTitle: "n")
                .render()
        }
    }

    @Test("the break-probability curve plots its probabilities on a 0–100% axis and refuses values outside 0 … 1")
    func breakProbability() throws {
        let years = ["2026", "2027", "2028", "2029", "2030"]
        let p = [0.02, 0.10, 0.31, 0.52, 0.60]
        let chart = try BreakProbabilityChart(
            years: years, probability: p, lower: p.map { max(0, $0 - 0.05) },
            upper: p.map { min(1, $0 + 0.05) }
        ).render()
        let root = try XMLSupport.parse(chart.svg).rootElement()!
        let line = XMLSupport.elements(named: "polyline", in: root).first { XMLSupport.attribute("data-series", of: $0) == "probability" }!
        let points = XMLSupport.points(XMLSupport.attribute("points", of: line)!)
        #expect(chart.yScale!.domain == 0...1)
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
        for (k, point) in points.enumerated() {
            #expect(abs(chart.yScale!.invert(point.y) - p[k]) < 0.001)
            #expect(Int(chart.xScale!.invert(point.x).rounded()) == k)
        }
        #expect(throws: ChartError.self) {
            try BreakProbabilityChart(years: years, probability: [0, 0, 0, 0, 1.2], lower: [0, 0, 0, 0, 1], upper: [0, 0, 0, 0, 1]).render()
        }
        #expect(throws: ChartError.self) {
            try BreakProbabilityChart(years: years, probability: p, lower: p, upper: p.map { $0 - 0.01 }).render()
        }
    }

    @Test("the tornado puts the widest swing on top and draws each bar from the baseline to the outcome")
    func tornado() throws {
        let chart = TornadoChart(
            title: "What moves the break probability", baseline: 0.4,
            bars: [
                .init(label: "policy rate", low: 0.35, high: 0.5, lowSetting: "-100bp", highSetting: "+100bp"),
                .init(label: "end-user demand growth", low: 0.7, high: 0.1, lowSetting: "-50%", highSetting: "+50%"),
                .init(label: "chip delay", low: 0.39, high: 0.42),
            ], unit: .percent, outcome: "probability of a break by 2030")
        #expect(chart.sortedBars.map(\.label) == ["end-user demand growth", "policy rate", "chip delay"])
        let rendered = try chart.render()
        let root = try XMLSupport.parse(rendered.svg).rootElement()!
        let bars = XMLSupport.elements(named: "rect", in: root).filter { XMLSupport.attribute("class", of: $0) == "bar" }
        #expect(bars.count == 6)
        let x = rendered.xScale!
        for bar in bars {
            let value = Double(XMLSupport.attribute("data-value", of: bar)!)!
            let left = Double(XMLSupport.attribute("x", of: bar)!)!
            let width = Double(XMLSupport.attribute("width", of: bar)!)!
            #expect(abs(x.invert(left) - min(value, 0.4)) < 0.001 && abs(x.invert(left + width) - max(value, 0.4)) < 0.001)
        }
        #expect(LabelBox.firstOverlap(in: rendered.labels) == nil)
        #expect(throws: ChartError.nonFinite(series: "bad", index: 0)) {
            try TornadoChart(title: "t", baseline: 0, bars: [.init(label: "bad", low: .nan, high: 1)], unit: .number, outcome: "o").render()
        }
    }

    @Test("a Sankey's ribbons are as wide as their money, nodes as tall as their throughput, and money back upstream runs under the columns")
    func sankey() throws {
        let diagram = SankeyDiagram(
            title: "flows", columnTitles: ["Funders", "Labs", "Clouds", "Chipmakers"],
            nodes: [
                .init(id: "users", label: "End users", column: 0), .init(id: "vc", label: "Venture", column: 0),
                .init(id: "lab", label: "Lab", column: 1), .init(id: "cloud", label: "Cloud", column: 2),
                .init(id: "chips", label: "Chips", column: 3),
            ],
            links: [
                .init(source: "users", target: "lab", value: 30), .init(source: "vc", target: "lab", value: 70),
                .init(source: "lab", target: "cloud", value: 90), .init(source: "cloud", target: "chips", value: 60),
                .init(source: "chips", target: "lab", value: 25),
            ])
        let layout = SankeyLayout(diagram, left: 8, right: 700, top: 30, height: 400)
        // The lab takes in 30 + 70 + 25 and pays out 90: its node is as tall as 125.
        #expect(abs(layout.nodes[2].height - 125 * layout.scale) < 1e-9)
        for path in layout.links { #expect(abs(path.width - diagram.links[path.link].value * layout.scale) < 1e-9) }
        let upstream = layout.links.filter { $0.laneY != nil }
        #expect(upstream.count == 1 && diagram.links[upstream[0].link].source == "chips")
        #expect(upstream[0].laneY! > layout.columnsBottom)
        let rendered = try diagram.render()
        let root = try XMLSupport.parse(rendered.svg).rootElement()!
        let paths = XMLSupport.elements(named: "path", in: root).filter { (XMLSupport.attribute("class", of: $0) ?? "").hasPrefix("link") }
        #expect(paths.count == 5)
        #expect(LabelBox.firstOverlap(in: rendered.labels) == nil)
        #expect(throws: ChartError.self) {
            try SankeyDiagram(
                title: "x", columnTitles: ["a", "b"], nodes: [.init(id: "a", label: "a", column: 0), .init(id: "b", label: "b", column: 1)],
                links: [.init(source: "a", target: "b", value: -.infinity)]
            ).render()
        }
    }

    @Test("a network picture draws every edge with width growing with its money and cycle edges in the cycle colour")
    func network() throws {
        let nodes = (0..<24).map {
            NetworkDiagram.Node(id: "n\($0)", label: "Entity number \($0)", group: $0 < 12 ? "Labs" : "Clouds", color: "#4e79a7")
        }
        let edges = (0..<24).map {
            NetworkDiagram.Edge(source: "n\($0)", target: "n\(($0 + 5) % 24)", value: Double($0 + 1) * 1e9, onCycle: $0 % 7 == 0)
        }
        let rendered = try NetworkDiagram(title: "net", nodes: nodes, edges: edges).render()
        let root = try XMLSupport.parse(rendered.svg).rootElement()!
        let drawn = XMLSupport.elements(named: "path", in: root).filter { (XMLSupport.attribute("class", of: $0) ?? "").hasPrefix("edge") }
        #expect(drawn.count == edges.count)
        #expect(drawn.filter { XMLSupport.attribute("class", of: $0) == "edge cycle" }.count == edges.filter(\.onCycle).count)
        let widths = drawn.map { (Double(XMLSupport.attribute("data-value", of: $0)!)!, Double(XMLSupport.attribute("stroke-width", of: $0)!)!) }
            .sorted { $0.0 < $1.0 }
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0.1 <= $1.1 })
        #expect(LabelBox.firstOverlap(in: rendered.labels) == nil)
    }
}
