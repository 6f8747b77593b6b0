/// A sensitivity tornado: for each parameter a horizontal bar from the outcome at its low setting
/// to the outcome at its high setting, around the baseline outcome; widest swing on top.
///
/// Every value must be finite (a `ChartError` names the parameter otherwise).
public struct TornadoChart: Sendable {
    /// One parameter's swing.
    public struct Bar: Sendable {
        /// The parameter, e.g. `demand growth`.
        public var label: String
        /// The outcome with the parameter at its low and at its high setting.
        public var low: Double, high: Double
        /// What the settings were, e.g. `-20%` and `+20%` (shown at the bar ends).
        public var lowSetting: String, highSetting: String

        /// Creates a bar.
        public init(label: String, low: Double, high: Double, lowSetting: String = "low", highSetting: String = "high") {
            self.label = label
            self.low = low
            self.high = high
            self.lowSetting = lowSetting
            self.highSetting = highSetting
        }

        /// The width of the swing.
        public var swing: Double { abs(high - low) }
    }

    /// What the chart shows.
    public var title: String
    /// The outcome with every parameter at its baseline.
    public var baseline: Double
    /// The bars (drawn sorted by swing, widest first).
    public var bars: [Bar]
    /// The outcome's unit and name, e.g. `.percent`, `probability of a break by 2030`.
    public var unit: ValueUnit, outcome: String
    /// Drawing width.
    public var width: Double

    /// Creates a tornado chart.
    public init(title: String, baseline: Double, bars: [Bar], unit: ValueUnit, outcome: String, width: Double = 860) {
        self.title = title
        self.baseline = baseline
        self.bars = bars
        self.unit = unit
        self.outcome = outcome
        self.width = width
    }

    /// The bars in drawing order.
    public var sortedBars: [Bar] { bars.sorted { $0.swing > $1.swing } }

    static let rowHeight = 26.0, fontSize = 11.0

    /// Checks the data and draws the chart.
    public func render() throws(ChartError) -> RenderedChart {
        guard !bars.isEmpty else { throw .empty(chart: title) }
        guard baseline.isFinite else { throw .nonFinite(series: "baseline", index: 0) }
        for (k, bar) in bars.enumerated() where !bar.low.isFinite || !bar.high.isFinite {
            throw .nonFinite(series: bar.label, index: k)
        }
        let ordered = sortedBars
        let values = ordered.flatMap { [$0.low, $0.high] } + [baseline]
        let ticks = NiceTicks(minimum: values.min()!, maximum: values.max()!, target: 6)
        let largest = max(abs(ticks.lower), abs(ticks.upper))
        let labelWidth = ordered.map { TextMetrics.width($0.label, fontSize: Self.fontSize) }.max()! + 12
        let endLabels = ordered.flatMap { [barEnd($0.lowSetting, $0.low), barEnd($0.highSetting, $0.high)] }
        let endWidth = endLabels.map { TextMetrics.width($0, fontSize: Self.fontSize - 1) }.max()! + 8
        let plot = PlotArea(
            left: labelWidth + endWidth, top: 24, right: width - endWidth - 8,
            bottom: 24 + Double(ordered.count) * Self.rowHeight)
        var canvas = SVGCanvas(width: width, height: plot.bottom + 66)
        let x = LinearScale(domain: ticks.lower...ticks.upper, rangeStart: plot.left, rangeEnd: plot.right)
        for value in ticks.values {
            let px = x(value)
            canvas.line(px, plot.top, px, plot.bottom, attributes: [("stroke", ChartPalette.grid)])
            canvas.text(
                unit.tickLabel(value, step: ticks.step, largest: largest), x: px, y: plot.bottom + 16,
                fontSize: Self.fontSize, anchor: .middle, attributes: [("fill", ChartPalette.ink)])
        }
        canvas.text(
            outcome, x: (plot.left + plot.right) / 2, y: plot.bottom + 34, fontSize: Self.fontSize, anchor: .middle,
            attributes: [("fill", "#555")])
        for (row, bar) in ordered.enumerated() {
            let top = plot.top + Double(row) * Self.rowHeight + 4
            let height = Self.rowHeight - 8
            let midY = top + height / 2 + Self.fontSize * 0.35
            canvas.text(bar.label, x: labelWidth - 6, y: midY, fontSize: Self.fontSize, anchor: .end, attributes: [("fill", ChartPalette.ink)])
            for (value, setting, color) in [(bar.low, bar.lowSetting, ChartPalette.investors), (bar.high, bar.highSetting, ChartPalette.lenders)] {
                let from = x(min(value, baseline))
                let to = x(max(value, baseline))
                canvas.rect(
                    x: from, y: top, width: to - from, height: height,
                    attributes: [("class", "bar"), ("data-series", bar.label), ("data-value", "\(value)"), ("fill", color)],
                    tooltip: "\(bar.label) at \(setting): \(unit.text(value))")
            }
            // Setting labels outside the bar ends: the lower outcome on the left, the higher on the right.
            let leftFirst = bar.low <= bar.high
            let left = leftFirst ? (bar.lowSetting, bar.low) : (bar.highSetting, bar.high)
            let right = leftFirst ? (bar.highSetting, bar.high) : (bar.lowSetting, bar.low)
            canvas.text(
                barEnd(left.0, left.1), x: x(min(left.1, baseline)) - 4, y: midY, fontSize: Self.fontSize - 1, anchor: .end,
                attributes: [("fill", "#555")])
            canvas.text(
                barEnd(right.0, right.1), x: x(max(right.1, baseline)) + 4, y: midY, fontSize: Self.fontSize - 1, anchor: .start,
                attributes: [("fill", "#555")])
        }
        let bx = x(baseline)
        canvas.line(bx, plot.top - 6, bx, plot.bottom, attributes: [("stroke", ChartPalette.ink), ("stroke-width", "1.5")])
        canvas.text(
            "baseline \(unit.text(baseline))", x: bx, y: plot.top - 10, fontSize: Self.fontSize, anchor: .middle,
            attributes: [("fill", ChartPalette.ink)])
        let legend = ChartLegend(entries: [
            .init(label: "parameter at its low setting", color: ChartPalette.investors, style: .block),
            .init(label: "parameter at its high setting", color: ChartPalette.lenders, style: .block),
        ])
        legend.draw(on: &canvas, left: plot.left, right: plot.right, top: plot.bottom + 40)
        return RenderedChart(
            svg: canvas.finished(title: title, attributes: [("class", "chart tornado")]),
            labels: canvas.labels, xScale: x)
    }

    private func barEnd(_ setting: String, _ value: Double) -> String { "\(setting): \(unit.text(value))" }
}
