/// The probability that the financing loop has broken by each year, with its confidence band
/// (e.g. a Wilson interval over the Monte Carlo runs), on a 0–100% axis.
///
/// Probabilities and band edges must lie in 0 … 1 with `lower ≤ probability ≤ upper`; anything
/// else, NaN included, is a `ChartError` naming the year.
public struct BreakProbabilityChart: Sendable {
    /// What the chart shows.
    public var title: String
    /// Year (or period) labels.
    public var years: [String]
    /// Probability of a break by each year, 0 … 1.
    public var probability: [Double]
    /// Lower and upper edges of the confidence band.
    public var lower: [Double], upper: [Double]
    /// The band's confidence level, for the legend (0.95).
    public var confidence: Double
    /// Drawing width and plot height.
    public var width: Double, plotHeight: Double

    /// Creates the chart.
    public init(
        title: String = "Probability that the loop has broken", years: [String], probability: [Double],
        lower: [Double], upper: [Double], confidence: Double = 0.95, width: Double = 860, plotHeight: Double = 220
    ) {
        self.title = title
        self.years = years
        self.probability = probability
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
        self.width = width
        self.plotHeight = plotHeight
    }

    /// Checks the data and draws the chart.
    public func render() throws(ChartError) -> RenderedChart {
        guard !years.isEmpty else { throw .empty(chart: title) }
        for (name, values) in [("probability", probability), ("lower", lower), ("upper", upper)] where values.count != years.count {
            throw .lengthMismatch(series: name, expected: years.count, found: values.count)
        }
        for t in years.indices {
            for (name, value) in [("probability", probability[t]), ("lower", lower[t]), ("upper", upper[t])] {
                guard value.isFinite else { throw .nonFinite(series: name, index: t) }
                guard (0...1).contains(value) else {
                    throw .invalidBand(series: name, index: t, reason: "\(value) at \(years[t]) is not a probability in 0 … 1")
                }
            }
            guard lower[t] <= probability[t] + 1e-12, probability[t] <= upper[t] + 1e-12 else {
                throw .invalidBand(
                    series: "probability", index: t, reason: "band \(lower[t]) … \(upper[t]) at \(years[t]) does not contain \(probability[t])")
            }
        }
        let axis = ValueAxis(minimum: 0, maximum: 1, unit: .percent, title: "probability", includeZero: true)
        let percent = (confidence * 1000).rounded() / 10
        let level = (percent == percent.rounded() ? "\(Int(percent))" : "\(percent)") + "%"  // 95%, 99.9%
        let legend = ChartLegend(entries: [
            .init(label: "probability of a break by then", color: ChartPalette.cycle),
            .init(label: "\(level) confidence band", color: ChartPalette.cycle, style: .block),
        ])
        let plot = PlotArea(left: axis.margin, top: 14, right: width - PeriodAxis(periods: years, title: "").rightMargin, bottom: 14 + plotHeight)
        let legendTop = plot.bottom + 42
        var canvas = SVGCanvas(width: width, height: legendTop + legend.height(left: plot.left, right: plot.right) + 4)
        axis.draw(on: &canvas, plot: plot)
        let time = PeriodAxis(periods: years, title: "year")
        time.draw(on: &canvas, plot: plot)
        let x = time.scale(plot)
        let y = axis.scale(plot)
        let top = years.indices.map { (x: x(Double($0)), y: y(upper[$0])) }
        let bottom = years.indices.reversed().map { (x: x(Double($0)), y: y(lower[$0])) }
        canvas.polygon(top + bottom, attributes: [("class", "band"), ("fill", ChartPalette.cycle), ("fill-opacity", "0.18"), ("stroke", "none")])
        let points = years.indices.map { (x: x(Double($0)), y: y(probability[$0])) }
        canvas.polyline(
            points,
            attributes: [
                ("class", "series"), ("data-series", "probability"), ("fill", "none"),
                ("stroke", ChartPalette.cycle), ("stroke-width", "2"),
            ])
        for (t, point) in points.enumerated() {
            canvas.circle(
                cx: point.x, cy: point.y, r: 3, attributes: [("fill", ChartPalette.cycle)],
                tooltip:
                    "\(years[t]): \(ValueUnit.percent.text(probability[t])) (\(ValueUnit.percent.text(lower[t])) – \(ValueUnit.percent.text(upper[t])))"
            )
        }
        legend.draw(on: &canvas, left: plot.left, right: plot.right, top: legendTop)
        return RenderedChart(
            svg: canvas.finished(
                title: title, attributes: [("class", "chart break-probability")] + RenderedChart.scaleAttributes(x: x, y: y, periods: years)),
            labels: canvas.labels, xScale: x, yScale: y)
    }
}
