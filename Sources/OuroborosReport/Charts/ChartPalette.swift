/// Colours of chart series: ten hues that stay apart on screen and in print (Tableau 10), and the
/// fixed colours of meanings used across the report.
public enum ChartPalette {
    /// Series colours, in order.
    public static let series = [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ]

    /// The colour of series number `index` (cycling).
    public static func color(_ index: Int) -> String { series[index % series.count] }

    /// Money paid by end users.
    public static let endUsers = "#59a14f"
    /// Money from investors.
    public static let investors = "#4e79a7"
    /// Money from lenders.
    public static let lenders = "#f28e2b"
    /// Money that came back to where it started (capital cycles, round trips).
    public static let cycle = "#d62728"
    /// Everything else.
    public static let other = "#9c9c9c"
    /// Axis lines and tick labels.
    public static let ink = "#333333"
    /// Grid lines.
    public static let grid = "#e3e3e3"
}
