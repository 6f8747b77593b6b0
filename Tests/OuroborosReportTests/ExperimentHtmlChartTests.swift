import Foundation
import OuroborosReport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The two bar charts of experiment reports: vertical bars over periods and ranked horizontal bars.
@Suite("Experiment charts: bars")
struct ExperimentHtmlChartTests {
    static let months = (0..<72).map { String(format: "%04d-%02d", 2025 + $0 / 12, $0 % 12 + 1) }

    /// The bars of a chart as (label, value) read back from each rect through the y scale.
    static func verticalBars(_ chart: RenderedChart) throws -> [(label: String, value: Double, centre: Double)] {
        let y = try #require(chart.yScale)
        let root = try XMLSupport.parse(chart.svg).rootElement()!
        let zero = y(0)
        return XMLSupport.elements(named: "rect", in: root).filter { XMLSupport.attribute("class", of: $0) == "bar" }.map { rect in
            let top = Double(XMLSupport.attribute("y", of: rect)!)!
            let height = Double(XMLSupport.attribute("height", of: rect)!)!
            let x = Double(XMLSupport.attribute("x", of: rect)!)!
            let width = Double(XMLSupport.attribute("width", of: rect)!)!
            // A bar rises from zero to a positive value, or hangs from zero down to a negative one.
            let value = abs(top - zero) < 0.02 && height > 0.02 ? y.invert(top + height) : y.invert(top)
            return (XMLSupport.attribute("data-label", of: rect)!, value, x + width / 2)
        }
    }

    @Test("a bar chart over 72 months draws each bar from zero to its value, centred on its period, labels apart")
    func barChart() throws {
        let counts = Self.months.indices.map { Double(($0 * 7) % 23) }
        let chart = try BarChart(
            title: "Runs breaking", bars: zip(Self.months, counts).map { .init(label: $0, value: $1) },
            unit: .number, valueTitle: "runs", categoryTitle: "month"
        ).render()
        let bars = try Self.verticalBars(chart)
        #expect(bars.count == 72)
        let y = chart.yScale!
        let x = chart.xScale!
        for (k, bar) in bars.enumerated() {
            #expect(bar.label == Self.months[k])
            #expect(abs(bar.value - counts[k]) <= y.valuePerUnit * 0.02, "\(bar.label): \(bar.value) vs \(counts[k])")
            #expect(abs(x.invert(bar.centre) - Double(k)) < 0.01)
        }
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
        #expect(chart.labels.contains { $0.text == "2025-01" } && chart.labels.contains { $0.text == "2026-01" })
        let tickMax = y.domain.upperBound
        #expect(tickMax >= counts.max()!)
    }

    @Test("negative bars hang below zero and a legend is drawn; NaN and empty charts are errors")
    func negativeBars() throws {
        let sizes = [0, -0.1, -0.2, -0.3, -0.25]
        let chart = try BarChart(
            title: "Search", bars: sizes.enumerated().map { .init(label: "\($0.offset + 1)", value: $0.element, color: "#d62728") },
            unit: .percent, valueTitle: "change", categoryTitle: "run",
            legend: [.init(label: "breaks", color: "#d62728", style: .block)]
        ).render()
        let y = try #require(chart.yScale)
        #expect(y.domain.lowerBound <= -0.3 && y.domain.upperBound >= 0)
        let root = try XMLSupport.parse(chart.svg).rootElement()!
        let rects = XMLSupport.elements(named: "rect", in: root).filter { XMLSupport.attribute("class", of: $0) == "bar" }
        for (rect, size) in zip(rects, sizes) {
            let top = Double(XMLSupport.attribute("y", of: rect)!)!
            let height = Double(XMLSupport.attribute("height", of: rect)!)!
            #expect(abs(top - y(0)) < 0.01, "a negative bar starts at zero")
            #expect(abs(y.invert(top + height) - size) <= y.valuePerUnit * 0.02)
        }
        #expect(chart.labels.contains { $0.text == "breaks" })
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
        #expect(throws: ChartError.self) {
            try BarChart(title: "x", bars: [.init(label: "a", value: .nan)], unit: .number, valueTitle: "", categoryTitle: "").render()
        }
        #expect(throws: ChartError.self) { try BarChart(title: "x", bars: [], unit: .number, valueTitle: "", categoryTitle: "").render() }
    }

    @Test("ranked bars sort largest first, map back to their values and intervals, and keep labels apart")
    func rankedBars() throws {
        let rows: [RankedBarChart.Row] = [
            .init(
                label: "entities.lab.cash", value: 0.12, interval: 0.02...0.3, secondary: 0.05, secondaryInterval: 0...0.2,
                text: "ST 0.120 · S1 0.050"),
            .init(
                label: "shocks.1.size", value: 0.91, interval: 0.7...1.1, secondary: 0.8, secondaryInterval: 0.6...1.0, text: "ST 0.910 · S1 0.800"),
            .init(label: "behaviour.market.risk_premium", value: -0.02, interval: -0.1...0.05, secondary: 0.01, text: "ST -0.020 · S1 0.010"),
        ]
        let chart = try RankedBarChart(
            title: "Sobol", rows: rows, unit: .number, valueTitle: "share of variance",
            primaryName: "ST", secondaryName: "S1"
        ).render()
        let x = try #require(chart.xScale)
        let root = try XMLSupport.parse(chart.svg).rootElement()!
        let primary = XMLSupport.elements(named: "rect", in: root).filter { XMLSupport.attribute("class", of: $0) == "bar primary" }
        #expect(
            primary.map { XMLSupport.attribute("data-series", of: $0)! } == ["shocks.1.size", "entities.lab.cash", "behaviour.market.risk_premium"])
        for rect in primary {
            let left = Double(XMLSupport.attribute("x", of: rect)!)!
            let width = Double(XMLSupport.attribute("width", of: rect)!)!
            let value = Double(XMLSupport.attribute("data-value", of: rect)!)!
            let drawn = value >= 0 ? x.invert(left + width) : x.invert(left)
            #expect(abs(drawn - value) <= x.valuePerUnit * 0.02)
            #expect(abs(x.invert(value >= 0 ? left : left + width)) <= x.valuePerUnit * 0.02, "bars start at zero")
        }
        let whiskers = XMLSupport.elements(named: "line", in: root).filter { XMLSupport.attribute("class", of: $0) == "interval primary" }
        #expect(whiskers.count == 3)
        let first = whiskers[0]
        #expect(abs(x.invert(Double(XMLSupport.attribute("x1", of: first)!)!) - 0.7) <= x.valuePerUnit * 0.02)
        #expect(abs(x.invert(Double(XMLSupport.attribute("x2", of: first)!)!) - 1.1) <= x.valuePerUnit * 0.02)
        #expect(x.domain.lowerBound <= -0.1 && x.domain.upperBound >= 1.1)
        #expect(LabelBox.firstOverlap(in: chart.labels) == nil)
        #expect(throws: ChartError.self) {
            try RankedBarChart(title: "x", rows: [.init(label: "a", value: .infinity, text: "")], unit: .number, valueTitle: "", primaryName: "")
                .render()
        }
    }
}
