/// The sections of an experiment's report: fan charts of quantiles over many runs, the
/// probability that the loop has broken by each year, and the sensitivity tornado. Each part is
/// optional; a part whose data is invalid shows its error in place of the chart.
public struct ExperimentSection: Sendable {
    /// The section's id and heading.
    public var id: String, title: String
    /// A paragraph saying what was run (plain text): runs, seeds, parameters varied.
    public var description: String
    /// Fan charts, each with its caption.
    public var fanCharts: [(chart: FanChart, caption: String)]
    /// The break-probability curve and its caption.
    public var breakProbability: (chart: BreakProbabilityChart, caption: String)?
    /// The tornado chart and its caption.
    public var tornado: (chart: TornadoChart, caption: String)?

    /// Creates an experiment section.
    public init(
        id: String = "experiment", title: String, description: String = "",
        fanCharts: [(chart: FanChart, caption: String)] = [],
        breakProbability: (chart: BreakProbabilityChart, caption: String)? = nil,
        tornado: (chart: TornadoChart, caption: String)? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.fanCharts = fanCharts
        self.breakProbability = breakProbability
        self.tornado = tornado
    }

    /// The section.
    public func section() -> HTMLSection {
        var body = description.isEmpty ? "" : "<p>\(XMLText.escape(description))</p>\n"
        if let breakProbability {
            body += "<h3>\(XMLText.escape(breakProbability.chart.title))</h3>\n"
            body += HTMLFigure.markup(caption: breakProbability.caption) { () throws(ChartError) in try breakProbability.chart.render() }
        }
        for fan in fanCharts {
            body += "<h3>\(XMLText.escape(fan.chart.title))</h3>\n"
            body += HTMLFigure.markup(caption: fan.caption) { () throws(ChartError) in try fan.chart.render() }
        }
        if let tornado {
            body += "<h3>\(XMLText.escape(tornado.chart.title))</h3>\n"
            body += HTMLFigure.markup(caption: tornado.caption) { () throws(ChartError) in try tornado.chart.render() }
        }
        return HTMLSection(id: id, title: title, body: body)
    }
}
