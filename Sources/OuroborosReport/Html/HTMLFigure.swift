/// A chart as an HTML figure with its caption; a chart that cannot be drawn appears as its error,
/// in red, where the chart would have been (never silently left out).
public enum HTMLFigure {
    /// `<figure>` with the chart and `caption` (plain text) plus the chart's notes.
    public static func markup(_ chart: RenderedChart, caption: String) -> String {
        var out = "<figure>\n\(chart.svg)\n<figcaption>\(XMLText.escape(caption))"
        for note in chart.notes { out += "<span class=\"note\">\(XMLText.escape(note))</span>" }
        return out + "</figcaption>\n</figure>\n"
    }

    /// The figure of `render()`'s chart, or its error.
    public static func markup(caption: String, _ render: () throws(ChartError) -> RenderedChart) -> String {
        do {
            return markup(try render(), caption: caption)
        } catch {
            return "<figure><p class=\"chart-error\">Chart not drawn: \(XMLText.escape(error.description))</p>"
                + "<figcaption>\(XMLText.escape(caption))</figcaption></figure>\n"
        }
    }
}
