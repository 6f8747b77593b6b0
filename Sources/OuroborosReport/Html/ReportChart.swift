/// A line chart of a report with its anchor and caption.
public struct ReportChart: Sendable {
    /// The figure's id, e.g. `cash`.
    public var id: String
    /// The caption (plain text): what is drawn, in which unit, and what was left out.
    public var caption: String
    /// The chart.
    public var chart: LineChart

    /// Creates a report chart.
    public init(id: String, caption: String, chart: LineChart) {
        self.id = id
        self.caption = caption
        self.chart = chart
    }
}
