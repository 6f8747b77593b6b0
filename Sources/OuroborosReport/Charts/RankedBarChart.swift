/// Horizontal bars ranked from the largest down, tornado-fashion: one row per item (an entity that
/// failed first, a parameter of a sensitivity study) with a bar from zero to its value, an
/// optional interval drawn as a whisker, and an optional second, thinner bar (Morris σ under μ*,
/// Sobol S1 under ST) with its own interval. The figures are written at the right of each row.
///
/// Every value and interval edge must be finite (a `ChartError` names the row otherwise). An
/// interval need not contain its value: a bootstrap percentile interval may not.
public struct RankedBarChart: Sendable {
    /// One row.
    public struct Row: Sendable {
        /// The item, e.g. `openai` or `entities.openai.cash`.
        public var label: String
        /// The main figure, its interval, and its text at the right of the row.
        public var value: Double
        public var interval: ClosedRange<Double>?
        /// The second figure and its interval, if any.
        public var secondary: Double?
        public var secondaryInterval: ClosedRange<Double>?
        /// The figures as written at the right of the row, e.g. `μ* 4.2 · σ 1.3`.
        public var text: String

        /// Creates a row.
        public init(
            label: String, value: Double, interval: ClosedRange<Double>? = nil, secondary: Double? = nil,
            secondaryInterval: ClosedRange<Double>? = nil, text: String
        ) {
            self.label = label
            self.value = value
            self.interval = interval
            self.secondary = secondary
            self.secondaryInterval = secondaryInterval
            self.text = text
        }
    }

    /// What the chart shows.
    public var title: String
    /// The rows (drawn sorted by value, largest first; ties keep their order).
    public var rows: [Row]
    /// The unit of values and the value axis title.
    public var unit: ValueUnit, valueTitle: String
    /// Legend labels of the main and the second bar (`μ*`, `σ`); the second is drawn only when some row has one.
    public var primaryName: String, secondaryName: String
    /// Drawing width.
    public var width: Double

    /// Creates a chart.
    public init(
        title: String, rows: [Row], unit: ValueUnit, valueTitle: String, primaryName: String,
        secondaryName: String = "", width: Double = 860
    ) {
        self.title = title
        self.rows = rows
        self.unit = unit
        self.valueTitle = valueTitle
        self.primaryName = primaryName
        self.secondaryName = secondaryName
        self.width = width
    }

    static let fontSize = 11.0

    /// The rows in drawing order, top to bottom.
    public var sortedRows: [Row] {
        rows.enumerated().sorted { ($0.element.value, -$0.offset) > ($1.element.value, -$1.offset) }.map(\.element)
    }

    /// Checks the data and draws the chart; the x scale maps values to coordinates.
    public func render() throws(ChartError) -> RenderedChart {
        guard !rows.isEmpty else { throw .empty(chart: title) }
        for (k, row) in rows.enumerated() {
            let edges =
                [row.value] + (row.interval.map { [$0.lowerBound, $0.upperBound] } ?? [])
                + (row.secondary.map { [$0] } ?? []) + (row.secondaryInterval.map { [$0.lowerBound, $0.upperBound] } ?? [])
            guard edges.allSatisfy(\.isFinite) else { throw .nonFinite(series: row.label, index: k) }
        }
        let ordered = sortedRows
        let paired = ordered.contains { $0.secondary != nil }
        let values = ordered.flatMap { row in
            [row.value] + (row.interval.map { [$0.lowerBound, $0.upperBound] } ?? []) + (row.secondary.map { [$0] } ?? [])
                + (row.secondaryInterval.map { [$0.lowerBound, $0.upperBound] } ?? [])
        }
        let ticks = NiceTicks(minimum: min(0, values.min()!), maximum: max(0, values.max()!), target: 6, includeZero: true)
        let largest = max(abs(ticks.lower), abs(ticks.upper))
        let labelWidth = ordered.map { TextMetrics.width($0.label, fontSize: Self.fontSize) }.max()! + 12
        let textWidth = ordered.map { TextMetrics.width($0.text, fontSize: Self.fontSize) }.max()! + 12
        let rowHeight = paired ? 30.0 : 22.0
        let tickLabels = ticks.values.map { unit.tickLabel($0, step: ticks.step, largest: largest) }
        let edgeRoom = (tickLabels.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0) / 2 + 4
        let plot = PlotArea(
            left: max(labelWidth, edgeRoom), top: 8, right: width - max(textWidth, edgeRoom),
            bottom: 8 + Double(ordered.count) * rowHeight)
        var entries = [ChartLegend.Entry(label: primaryName, color: ChartPalette.color(0), style: .block)]
        if paired { entries.append(.init(label: secondaryName, color: ChartPalette.color(1), style: .block)) }
        if ordered.contains(where: { $0.interval != nil || $0.secondaryInterval != nil }) {
            entries.append(.init(label: "95% interval", color: ChartPalette.ink))
        }
        let legend = ChartLegend(entries: entries)
        let legendTop = plot.bottom + 40
        var canvas = SVGCanvas(width: width, height: legendTop + legend.height(left: plot.left, right: plot.right) + 4)
        let x = LinearScale(domain: ticks.lower...ticks.upper, rangeStart: plot.left, rangeEnd: plot.right)
        for (value, label) in zip(ticks.values, tickLabels) {
            let px = x(value)
            canvas.line(px, plot.top, px, plot.bottom, attributes: [("stroke", value == 0 ? "#9a9a9a" : ChartPalette.grid)])
            canvas.text(label, x: px, y: plot.bottom + 15, fontSize: Self.fontSize, anchor: .middle, attributes: [("fill", ChartPalette.ink)])
        }
        canvas.text(
            valueTitle, x: (plot.left + plot.right) / 2, y: plot.bottom + 31, fontSize: Self.fontSize, anchor: .middle,
            attributes: [("fill", "#555")])
        for (k, row) in ordered.enumerated() {
            let top = plot.top + Double(k) * rowHeight
            let midY = top + rowHeight / 2
            canvas.text(
                row.label, x: plot.left - 6, y: midY + Self.fontSize * 0.35, fontSize: Self.fontSize, anchor: .end,
                attributes: [("fill", ChartPalette.ink)])
            canvas.text(
                row.text, x: plot.right + 8, y: midY + Self.fontSize * 0.35, fontSize: Self.fontSize,
                attributes: [("fill", "#555")])
            let mainTop = top + 4
            let mainHeight = paired ? 12.0 : rowHeight - 8
            bar(
                &canvas, x: x, value: row.value, interval: row.interval, top: mainTop, height: mainHeight,
                color: ChartPalette.color(0), role: "primary", row: row, name: primaryName)
            if let secondary = row.secondary {
                bar(
                    &canvas, x: x, value: secondary, interval: row.secondaryInterval, top: top + 18, height: 8,
                    color: ChartPalette.color(1), role: "secondary", row: row, name: secondaryName)
            }
        }
        legend.draw(on: &canvas, left: plot.left, right: plot.right, top: legendTop)
        return RenderedChart(
            svg: canvas.finished(
                title: title,
                attributes: [
                    ("class", "chart ranked-bars"),
                    ("data-x-domain", "\(x.domain.lowerBound) \(x.domain.upperBound)"),
                    ("data-x-range", "\(x.rangeStart) \(x.rangeEnd)"),
                ]),
            labels: canvas.labels, xScale: x)
    }

    private func bar(
        _ canvas: inout SVGCanvas, x: LinearScale, value: Double, interval: ClosedRange<Double>?, top: Double, height: Double,
        color: String, role: String, row: Row, name: String
    ) {
        let from = x(min(0, value))
        let to = x(max(0, value))
        var tooltip = "\(row.label): \(name) \(unit.text(value))"
        if let interval { tooltip += " (\(unit.text(interval.lowerBound)) – \(unit.text(interval.upperBound)))" }
        canvas.rect(
            x: from, y: top, width: to - from, height: height,
            attributes: [("class", "bar \(role)"), ("data-series", row.label), ("data-value", "\(value)"), ("fill", color)],
            tooltip: tooltip)
        guard let interval else { return }
        let mid = top + height / 2
        let low = x(interval.lowerBound)
        let high = x(interval.upperBound)
        canvas.line(low, mid, high, mid, attributes: [("class", "interval \(role)"), ("stroke", ChartPalette.ink), ("stroke-width", "1.2")])
        for edge in [low, high] {
            canvas.line(edge, mid - height / 2, edge, mid + height / 2, attributes: [("stroke", ChartPalette.ink), ("stroke-width", "1.2")])
        }
    }
}
