/// A chart drawn as SVG, with what tests and reports need to check it: the scales that map data
/// to coordinates and the boxes of every label.
public struct RenderedChart: Sendable {
    /// The `<svg>` element.
    public var svg: String
    /// The boxes of the labels drawn.
    public var labels: [LabelBox]
    /// The horizontal scale (period index or value → x), when the chart has one.
    public var xScale: LinearScale?
    /// The vertical scale (value → y), when the chart has one.
    public var yScale: LinearScale?
    /// Notes for the caption: gaps where values were not finite, series left out.
    public var notes: [String]

    /// The scales and period labels as `data-` attributes of the `<svg>` element, so that a reader
    /// of the file can map every plotted point back to its value: `data-x-domain="0 72"`,
    /// `data-x-range="60 844"` (likewise for y) and `data-periods="2024-12,2025-01,…"`.
    static func scaleAttributes(x: LinearScale, y: LinearScale, periods: [String]) -> [(String, String)] {
        func pair(_ a: Double, _ b: Double) -> String { "\(a) \(b)" }
        return [
            ("data-x-domain", pair(x.domain.lowerBound, x.domain.upperBound)), ("data-x-range", pair(x.rangeStart, x.rangeEnd)),
            ("data-y-domain", pair(y.domain.lowerBound, y.domain.upperBound)), ("data-y-range", pair(y.rangeStart, y.rangeEnd)),
            ("data-periods", periods.joined(separator: ",")),
        ]
    }

    /// Creates a rendered chart.
    public init(svg: String, labels: [LabelBox], xScale: LinearScale? = nil, yScale: LinearScale? = nil, notes: [String] = []) {
        self.svg = svg
        self.labels = labels
        self.xScale = xScale
        self.yScale = yScale
        self.notes = notes
    }
}
