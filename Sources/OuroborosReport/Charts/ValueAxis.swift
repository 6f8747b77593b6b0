/// A vertical axis of values: nice ticks containing the data, grid lines, tick labels in the
/// axis's unit and a rotated title.
public struct ValueAxis: Sendable {
    /// The ticks.
    public let ticks: NiceTicks
    /// The unit of the tick labels.
    public let unit: ValueUnit
    /// The title, e.g. `USD` or `% per year`.
    public let title: String
    /// Font size of tick labels.
    public static let fontSize = 11.0

    /// An axis for values in `minimum … maximum`.
    public init(minimum: Double, maximum: Double, unit: ValueUnit, title: String, includeZero: Bool) {
        ticks = NiceTicks(minimum: minimum, maximum: maximum, target: 5, includeZero: includeZero)
        self.unit = unit
        self.title = title
    }

    /// The tick labels, bottom to top.
    public var labels: [String] {
        let largest = max(abs(ticks.lower), abs(ticks.upper))
        return ticks.values.map { unit.tickLabel($0, step: ticks.step, largest: largest) }
    }

    /// The room the labels and the title take left of the plot.
    public var margin: Double {
        (labels.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0) + 8 + Self.fontSize + 10
    }

    /// The scale onto `plot`'s height.
    public func scale(_ plot: PlotArea) -> LinearScale {
        LinearScale(domain: ticks.lower...ticks.upper, rangeStart: plot.bottom, rangeEnd: plot.top)
    }

    /// Draws grid lines, tick labels and the title left of `plot`.
    public func draw(on canvas: inout SVGCanvas, plot: PlotArea) {
        let scale = scale(plot)
        for (value, label) in zip(ticks.values, labels) {
            let y = scale(value)
            canvas.line(plot.left, y, plot.right, y, attributes: [("stroke", value == 0 ? "#9a9a9a" : ChartPalette.grid), ("stroke-width", "1")])
            canvas.text(
                label, x: plot.left - 6, y: y + Self.fontSize * 0.35, fontSize: Self.fontSize, anchor: .end,
                attributes: [("fill", ChartPalette.ink)])
        }
        canvas.line(plot.left, plot.top, plot.left, plot.bottom, attributes: [("stroke", ChartPalette.ink)])
        canvas.verticalText(
            title, x: plot.left - margin + Self.fontSize * 0.9, y: (plot.top + plot.bottom) / 2,
            fontSize: Self.fontSize, attributes: [("fill", ChartPalette.ink)])
    }
}
