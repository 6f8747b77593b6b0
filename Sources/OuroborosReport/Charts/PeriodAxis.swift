/// A horizontal axis of periods (`2025-01`, `2025Q3`, `2027`): one position per period, labels
/// every k periods with k the smallest step at which they do not collide, aligned to year starts.
public struct PeriodAxis: Sendable {
    /// The period labels, one per position.
    public let periods: [String]
    /// The axis title.
    public let title: String
    /// Font size of tick labels.
    public static let fontSize = 11.0

    /// An axis over `periods`.
    public init(periods: [String], title: String) {
        self.periods = periods
        self.title = title
    }

    /// The scale of period index onto `plot`'s width.
    public func scale(_ plot: PlotArea) -> LinearScale {
        LinearScale(domain: 0...Double(max(1, periods.count - 1)), rangeStart: plot.left, rangeEnd: plot.right)
    }

    /// The room right of the plot that keeps the last label, centred on its tick, inside the drawing.
    public var rightMargin: Double {
        max(16, TextMetrics.width(periods.last ?? "", fontSize: Self.fontSize) / 2 + 6)
    }

    /// The indices that get a label on a plot `width` wide.
    public func labelledIndices(width: Double) -> [Int] {
        guard periods.count > 1 else { return periods.isEmpty ? [] : [0] }
        let spacing = width / Double(periods.count - 1)
        let widest = periods.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0
        let perYear = periods.contains { $0.contains("Q") } ? 4 : (periods.first.map { $0.count == 7 && $0.contains("-") } ?? false) ? 12 : 1
        let yearStart = periods.firstIndex { $0.hasSuffix("-01") || $0.hasSuffix("Q1") } ?? 0
        for step in [1, 2, 3, 4, 6, 12, 24, 36, 48, 60, 120, 240, 600, 1200] where Double(step) * spacing >= widest + 10 {
            let aligned = perYear > 1 && (step % perYear == 0 || perYear % step == 0)
            let offset = aligned ? yearStart % step : 0
            return Array(stride(from: offset, to: periods.count, by: step))
        }
        return [0]
    }

    /// Draws tick marks, labels and the title under `plot`.
    public func draw(on canvas: inout SVGCanvas, plot: PlotArea) {
        let scale = scale(plot)
        canvas.line(plot.left, plot.bottom, plot.right, plot.bottom, attributes: [("stroke", ChartPalette.ink)])
        let indices = labelledIndices(width: plot.width)
        for index in indices {
            let x = scale(Double(index))
            canvas.line(x, plot.bottom, x, plot.bottom + 4, attributes: [("stroke", ChartPalette.ink)])
            let label = periods[index]
            let width = TextMetrics.width(label, fontSize: Self.fontSize)
            // Keep the first and last labels inside the drawing.
            let anchor: TextAnchor = x - width / 2 < 0 ? .start : x + width / 2 > canvas.width ? .end : .middle
            canvas.text(label, x: x, y: plot.bottom + 17, fontSize: Self.fontSize, anchor: anchor, attributes: [("fill", ChartPalette.ink)])
        }
        canvas.text(
            title, x: (plot.left + plot.right) / 2, y: plot.bottom + 34, fontSize: Self.fontSize, anchor: .middle,
            attributes: [("fill", "#555")])
    }
}
