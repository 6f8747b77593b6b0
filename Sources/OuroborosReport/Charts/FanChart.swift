/// Quantiles of many runs over periods: for each series a shaded band from the 5% to the 95%
/// quantile and a line at the median (Monte Carlo results).
///
/// Every value must be finite and `p05 ≤ p50 ≤ p95` (within 1e-9 relative): a band cannot show
/// a gap honestly, so anything else is a `ChartError` naming the series and period.
public struct FanChart: Sendable {
    /// One variable's quantiles, one value per period each.
    public struct Series: Sendable {
        public var label: String
        public var p05: [Double], p50: [Double], p95: [Double]
        /// Creates a series.
        public init(label: String, p05: [Double], p50: [Double], p95: [Double]) {
            self.label = label
            self.p05 = p05
            self.p50 = p50
            self.p95 = p95
        }
    }

    /// What the chart shows.
    public var title: String
    /// Period labels.
    public var periods: [String]
    /// The fans.
    public var series: [Series]
    /// The unit and axis title of values.
    public var unit: ValueUnit, valueTitle: String
    /// Whether the value axis reaches zero.
    public var includeZero: Bool
    /// Drawing width and plot height.
    public var width: Double, plotHeight: Double

    /// Creates a fan chart.
    public init(
        title: String, periods: [String], series: [Series], unit: ValueUnit, valueTitle: String,
        includeZero: Bool = true, width: Double = 860, plotHeight: Double = 240
    ) {
        self.title = title
        self.periods = periods
        self.series = series
        self.unit = unit
        self.valueTitle = valueTitle
        self.includeZero = includeZero
        self.width = width
        self.plotHeight = plotHeight
    }

    /// Checks the data and draws the chart.
    public func render() throws(ChartError) -> RenderedChart {
        guard !periods.isEmpty, !series.isEmpty else { throw .empty(chart: title) }
        for s in series {
            for values in [s.p05, s.p50, s.p95] where values.count != periods.count {
                throw .lengthMismatch(series: s.label, expected: periods.count, found: values.count)
            }
            for t in periods.indices {
                guard s.p05[t].isFinite, s.p50[t].isFinite, s.p95[t].isFinite else { throw .nonFinite(series: s.label, index: t) }
                let tolerance = 1e-9 * max(abs(s.p05[t]), abs(s.p95[t]), 1)
                guard s.p05[t] <= s.p50[t] + tolerance, s.p50[t] <= s.p95[t] + tolerance else {
                    throw .invalidBand(
                        series: s.label, index: t, reason: "quantiles out of order at \(periods[t]): 5% \(s.p05[t]), 50% \(s.p50[t]), 95% \(s.p95[t])"
                    )
                }
            }
        }
        let all = series.flatMap { $0.p05 + $0.p95 }
        let axis = ValueAxis(minimum: all.min() ?? 0, maximum: all.max() ?? 1, unit: unit, title: valueTitle, includeZero: includeZero)
        var entries: [ChartLegend.Entry] = []
        for (k, s) in series.enumerated() {
            entries.append(.init(label: "\(s.label): median", color: ChartPalette.color(k)))
            entries.append(.init(label: "\(s.label): 5–95%", color: ChartPalette.color(k), style: .block))
        }
        let legend = ChartLegend(entries: entries)
        let plot = PlotArea(left: axis.margin, top: 14, right: width - PeriodAxis(periods: periods, title: "").rightMargin, bottom: 14 + plotHeight)
        let legendTop = plot.bottom + 42
        var canvas = SVGCanvas(width: width, height: legendTop + legend.height(left: plot.left, right: plot.right) + 4)
        axis.draw(on: &canvas, plot: plot)
        let time = PeriodAxis(periods: periods, title: "period")
        time.draw(on: &canvas, plot: plot)
        let x = time.scale(plot)
        let y = axis.scale(plot)
        for (k, s) in series.enumerated() {
            let upper = periods.indices.map { (x: x(Double($0)), y: y(s.p95[$0])) }
            let lower = periods.indices.reversed().map { (x: x(Double($0)), y: y(s.p05[$0])) }
            canvas.polygon(
                upper + lower,
                attributes: [
                    ("class", "band"), ("data-series", s.label), ("fill", ChartPalette.color(k)),
                    ("fill-opacity", "0.22"), ("stroke", "none"),
                ],
                tooltip: "\(s.label): 5% to 95% of runs")
            canvas.polyline(
                periods.indices.map { (x: x(Double($0)), y: y(s.p50[$0])) },
                attributes: [
                    ("class", "series"), ("data-series", s.label), ("fill", "none"),
                    ("stroke", ChartPalette.color(k)), ("stroke-width", "2"),
                ],
                tooltip: "\(s.label): median")
        }
        legend.draw(on: &canvas, left: plot.left, right: plot.right, top: legendTop)
        return RenderedChart(
            svg: canvas.finished(
                title: title, attributes: [("class", "chart fan-chart")] + RenderedChart.scaleAttributes(x: x, y: y, periods: periods)),
            labels: canvas.labels, xScale: x, yScale: y)
    }
}
