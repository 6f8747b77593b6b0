/// Vertical bars over categories in order (periods, years, probes of a search): one bar per
/// category from zero to its value, a value axis whose nice ticks contain every bar, category
/// labels thinned so that they never collide, and an optional legend for the bars' colours.
///
/// Every value must be finite (a `ChartError` names the bar otherwise).
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        /// The category, e.g. `2027-03`.
        public var label: String
        /// Its value.
        public var value: Double
        /// Its colour (the first palette colour when nil).
        public var color: String?
        /// The tooltip (the label and value when nil).
        public var tooltip: String?

        /// Creates a bar.
        public init(label: String, value: Double, color: String? = nil, tooltip: String? = nil) {
            self.label = label
            self.value = value
            self.color = color
            self.tooltip = tooltip
        }
    }

    /// What the chart shows.
    public var title: String
    /// The bars, left to right.
    public var bars: [Bar]
    /// The unit and axis title of values.
    public var unit: ValueUnit, valueTitle: String
    /// The category axis title.
    public var categoryTitle: String
    /// What the colours mean (none drawn when empty).
    public var legend: [ChartLegend.Entry]
    /// Drawing width and plot height.
    public var width: Double, plotHeight: Double

    /// Creates a bar chart.
    public init(
        title: String, bars: [Bar], unit: ValueUnit, valueTitle: String, categoryTitle: String,
        legend: [ChartLegend.Entry] = [], width: Double = 860, plotHeight: Double = 200
    ) {
        self.title = title
        self.bars = bars
        self.unit = unit
        self.valueTitle = valueTitle
        self.categoryTitle = categoryTitle
        self.legend = legend
        self.width = width
        self.plotHeight = plotHeight
    }

    /// Checks the data and draws the chart. The x scale maps a bar's index to its centre.
    public func render() throws(ChartError) -> RenderedChart {
        guard !bars.isEmpty else { throw .empty(chart: title) }
        for (k, bar) in bars.enumerated() where !bar.value.isFinite { throw .nonFinite(series: bar.label, index: k) }
        let values = bars.map(\.value)
        let axis = ValueAxis(minimum: min(0, values.min()!), maximum: max(0, values.max()!), unit: unit, title: valueTitle, includeZero: true)
        let labels = bars.map(\.label)
        let rightMargin = PeriodAxis(periods: labels, title: "").rightMargin
        let plot = PlotArea(left: axis.margin, top: 14, right: width - rightMargin, bottom: 14 + plotHeight)
        let key = ChartLegend(entries: legend)
        let legendTop = plot.bottom + 42
        let height = legend.isEmpty ? plot.bottom + 42 : legendTop + key.height(left: plot.left, right: plot.right) + 4
        var canvas = SVGCanvas(width: width, height: height)
        axis.draw(on: &canvas, plot: plot)
        let band = plot.width / Double(bars.count)
        let x = LinearScale(
            domain: 0...Double(max(1, bars.count - 1)), rangeStart: plot.left + band / 2,
            rangeEnd: plot.left + band / 2 + band * Double(max(1, bars.count - 1)))
        let y = axis.scale(plot)
        let barWidth = max(1, band * 0.8)
        for (k, bar) in bars.enumerated() {
            let top = y(max(0, bar.value))
            let bottom = y(min(0, bar.value))
            canvas.rect(
                x: x(Double(k)) - barWidth / 2, y: top, width: barWidth, height: bottom - top,
                attributes: [
                    ("class", "bar"), ("data-label", bar.label), ("data-value", "\(bar.value)"),
                    ("fill", bar.color ?? ChartPalette.color(0)),
                ],
                tooltip: bar.tooltip ?? "\(bar.label): \(unit.text(bar.value))")
        }
        canvas.line(plot.left, plot.bottom, plot.right, plot.bottom, attributes: [("stroke", ChartPalette.ink)])
        let time = PeriodAxis(periods: labels, title: categoryTitle)
        let indices = bars.count == 1 ? [0] : time.labelledIndices(width: band * Double(bars.count - 1))
        for index in indices {
            let px = x(Double(index))
            canvas.line(px, plot.bottom, px, plot.bottom + 4, attributes: [("stroke", ChartPalette.ink)])
            let labelWidth = TextMetrics.width(labels[index], fontSize: PeriodAxis.fontSize)
            let anchor: TextAnchor = px - labelWidth / 2 < 0 ? .start : px + labelWidth / 2 > canvas.width ? .end : .middle
            canvas.text(
                labels[index], x: px, y: plot.bottom + 17, fontSize: PeriodAxis.fontSize, anchor: anchor,
                attributes: [("fill", ChartPalette.ink)])
        }
        canvas.text(
            categoryTitle, x: (plot.left + plot.right) / 2, y: plot.bottom + 34, fontSize: PeriodAxis.fontSize, anchor: .middle,
            attributes: [("fill", "#555")])
        if !legend.isEmpty { key.draw(on: &canvas, left: plot.left, right: plot.right, top: legendTop) }
        return RenderedChart(
            svg: canvas.finished(
                title: title, description: "\(valueTitle) by \(categoryTitle)",
                attributes: [("class", "chart bar-chart")] + RenderedChart.scaleAttributes(x: x, y: y, periods: labels)),
            labels: canvas.labels, xScale: x, yScale: y)
    }
}
