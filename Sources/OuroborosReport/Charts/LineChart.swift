/// A time-series chart: one line per series over the same periods, a value axis whose nice ticks
/// contain every finite value, a period axis, a legend, and optional dated markers (a break).
///
/// NaN and infinite values are never drawn: the line stops before and resumes after them (an
/// explicit gap), and `RenderedChart.notes` names each series and period left out.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        /// Legend label.
        public var label: String
        /// One value per period.
        public var values: [Double]
        /// A key written on the line as `data-key` (e.g. `openai/cash`) so tools can find it.
        public var key: String
        /// Dashed instead of solid.
        public var dashed: Bool

        /// Creates a series.
        public init(label: String, values: [Double], key: String = "", dashed: Bool = false) {
            self.label = label
            self.values = values
            self.key = key
            self.dashed = dashed
        }
    }

    /// A vertical line at a period (given by its label), labelled (e.g. where the loop broke).
    public struct Marker: Sendable {
        public var period: String, label: String
        /// Creates a marker.
        public init(period: String, label: String) {
            self.period = period
            self.label = label
        }
    }

    /// What the chart shows, for screen readers and the SVG title.
    public var title: String
    /// Period labels.
    public var periods: [String]
    /// The lines.
    public var series: [Series]
    /// The unit of values.
    public var unit: ValueUnit
    /// The value axis title, naming the unit (`USD`, `% per year`).
    public var valueTitle: String
    /// The period axis title.
    public var periodTitle: String
    /// Whether the value axis reaches zero.
    public var includeZero: Bool
    /// Dated markers.
    public var markers: [Marker]
    /// Drawing size (the height grows with the legend).
    public var width: Double, plotHeight: Double

    /// Creates a line chart.
    public init(
        title: String, periods: [String], series: [Series], unit: ValueUnit, valueTitle: String,
        periodTitle: String = "period", includeZero: Bool = true, markers: [Marker] = [],
        width: Double = 860, plotHeight: Double = 240
    ) {
        self.title = title
        self.periods = periods
        self.series = series
        self.unit = unit
        self.valueTitle = valueTitle
        self.periodTitle = periodTitle
        self.includeZero = includeZero
        self.markers = markers
        self.width = width
        self.plotHeight = plotHeight
    }

    /// Draws the chart; throws when a series' length differs from the periods' or there is no data.
    public func render() throws(ChartError) -> RenderedChart {
        guard !periods.isEmpty, !series.isEmpty else { throw .empty(chart: title) }
        for s in series where s.values.count != periods.count {
            throw .lengthMismatch(series: s.label, expected: periods.count, found: s.values.count)
        }
        let finite = series.flatMap(\.values).filter(\.isFinite)
        var notes: [String] = []
        for s in series {
            let gaps = s.values.indices.filter { !s.values[$0].isFinite }
            if !gaps.isEmpty {
                let listed = gaps.prefix(5).map { periods[$0] }.joined(separator: ", ")
                notes.append("\(s.label): \(gaps.count) value(s) not finite, not drawn (gap at \(listed)\(gaps.count > 5 ? ", …" : ""))")
            }
        }
        let axis = ValueAxis(minimum: finite.min() ?? 0, maximum: finite.max() ?? 1, unit: unit, title: valueTitle, includeZero: includeZero)
        let legend = ChartLegend(
            entries: series.enumerated().map {
                ChartLegend.Entry(label: $0.element.label, color: ChartPalette.color($0.offset), style: $0.element.dashed ? .dashed : .line)
            })
        let top = 14.0
        let plot = PlotArea(left: axis.margin, top: top, right: width - PeriodAxis(periods: periods, title: "").rightMargin, bottom: top + plotHeight)
        let legendTop = plot.bottom + 42
        let height = legendTop + legend.height(left: plot.left, right: plot.right) + 4
        var canvas = SVGCanvas(width: width, height: height)
        axis.draw(on: &canvas, plot: plot)
        let time = PeriodAxis(periods: periods, title: periodTitle)
        time.draw(on: &canvas, plot: plot)
        let x = time.scale(plot)
        let y = axis.scale(plot)
        for marker in markers {
            guard let index = periods.firstIndex(of: marker.period) else { continue }
            let mx = x(Double(index))
            canvas.line(
                mx, plot.top, mx, plot.bottom, attributes: [("stroke", ChartPalette.cycle), ("stroke-dasharray", "4 3"), ("stroke-width", "1.5")])
            let width = TextMetrics.width(marker.label, fontSize: 11)
            let anchor: TextAnchor = mx + 4 + width > plot.right ? .end : .start
            canvas.text(
                marker.label, x: anchor == .start ? mx + 4 : mx - 4, y: plot.top + 11, fontSize: 11, anchor: anchor,
                attributes: [("fill", ChartPalette.cycle), ("class", "marker")])
        }
        for (index, s) in series.enumerated() {
            var segment: [(x: Double, y: Double)] = []
            var segments: [[(x: Double, y: Double)]] = []
            for (t, value) in s.values.enumerated() {
                if value.isFinite {
                    segment.append((x(Double(t)), y(value)))
                } else if !segment.isEmpty {
                    segments.append(segment)
                    segment = []
                }
            }
            if !segment.isEmpty { segments.append(segment) }
            var attributes = [
                ("class", "series"), ("data-series", s.label), ("data-key", s.key), ("fill", "none"),
                ("stroke", ChartPalette.color(index)), ("stroke-width", "2"), ("stroke-linejoin", "round"),
            ]
            if s.dashed { attributes.append(("stroke-dasharray", "5 3")) }
            for points in segments {
                if points.count == 1 {
                    canvas.circle(cx: points[0].x, cy: points[0].y, r: 2.5, attributes: [("fill", ChartPalette.color(index))])
                }
                canvas.polyline(points, attributes: attributes, tooltip: s.label)
            }
        }
        legend.draw(on: &canvas, left: plot.left, right: plot.right, top: legendTop)
        let svg = canvas.finished(
            title: title, description: "\(valueTitle) by \(periodTitle), \(periods.first ?? "") to \(periods.last ?? "")",
            attributes: [("class", "chart line-chart")] + RenderedChart.scaleAttributes(x: x, y: y, periods: periods))
        return RenderedChart(svg: svg, labels: canvas.labels, xScale: x, yScale: y, notes: notes)
    }
}
