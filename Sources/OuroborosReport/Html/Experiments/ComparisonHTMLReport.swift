public import OuroborosEngine
public import OuroborosExperiments

/// The HTML report of a comparison: the outcomes side by side (the table of the text output),
/// one line chart per key series with one line per case, and each run's summary.
public struct ComparisonHTMLReport: Sendable {
    /// One case: its column of the comparison, its run (nil when it stopped with an error) and the
    /// key series of its scenario.
    public struct Run: Sendable {
        public var column: ScenarioComparison.Column
        public var result: NetworkRunResult?
        public var keySeries: [KeySeries]

        /// Creates a case.
        public init(column: ScenarioComparison.Column, result: NetworkRunResult?, keySeries: [KeySeries]) {
            self.column = column
            self.result = result
            self.keySeries = keySeries
        }
    }

    /// The cases, in column order.
    public var runs: [Run]

    /// A report of `runs`.
    public init(runs: [Run]) { self.runs = runs }

    /// The period labels of the charts: those of the longest run.
    var periods: [String] { runs.compactMap(\.result?.periodLabels).max { $0.count < $1.count } ?? [] }

    /// One chart per key series (in the order first met), one line per case that ran; a case whose
    /// calendar lacks a period has a gap there.
    public func seriesCharts() -> [ReportChart] {
        let periods = self.periods
        var names: [String] = []
        for run in runs { for series in run.keySeries where !names.contains(series.name) { names.append(series.name) } }
        return names.compactMap { name in
            let lines: [LineChart.Series] = runs.compactMap { run in
                guard let result = run.result, let series = run.keySeries.first(where: { $0.name == name }) else { return nil }
                let values = series.values(in: result, at: Array(result.periodLabels.indices))
                let byLabel = Dictionary(zip(result.periodLabels, values), uniquingKeysWith: { first, _ in first })
                return .init(label: run.column.label, values: periods.map { byLabel[$0] ?? .nan }, key: "\(run.column.label)/\(name)")
            }
            guard !lines.isEmpty else { return nil }
            let meaning = runs.lazy.compactMap { $0.keySeries.first { $0.name == name }?.meaning }.first ?? name
            return ReportChart(
                id: name, caption: "\(meaning), at the end of each period, one line per case.",
                chart: LineChart(
                    title: KeySeriesStyle.heading(name), periods: periods, series: lines,
                    unit: KeySeriesStyle.unit(name), valueTitle: KeySeriesStyle.axisTitle(name),
                    includeZero: name != "sentiment", plotHeight: 200))
        }
    }

    /// Rows (figure, value per case) as the text output prints them.
    func rows() -> [[String]] {
        let columns = runs.map(\.column)
        var rows: [[String]] = [
            ["scenario"] + columns.map(\.scenario),
            ["shocks"] + columns.map { $0.shocks.isEmpty ? "none" : $0.shocks.joined(separator: " ") },
            ["seed"] + columns.map { "\($0.seed)" },
            ["loop"] + columns.map { $0.error != nil ? "error" : ($0.broke ? "breaks" : "holds") },
            ["breaks in"] + columns.map { $0.breakLabel ?? "–" },
            ["first failure"] + columns.map { $0.firstFailure ?? "–" },
            ["failures that follow"] + columns.map { "\($0.chainLength)" },
            ["defaults"] + columns.map { $0.defaults.isEmpty ? "none" : $0.defaults.joined(separator: " ") },
        ]
        for name in columns.first?.keySeries ?? [] {
            rows.append(["\(name) at the end"] + columns.map { column in column.endValues[name].map { KeySeriesStyle.text(name, $0) } ?? "–" })
        }
        if columns.contains(where: { $0.error != nil }) { rows.append(["error"] + columns.map { $0.error ?? "" }) }
        return rows
    }

    /// The report's sections.
    public func sections() -> [HTMLSection] {
        let broken = runs.filter { $0.column.broke }.count
        var body = ExperimentHTMLText.paragraph(
            "The loop breaks in \(broken) of \(ExperimentHTMLText.plural(runs.count, "case")) (one run each).",
            cssClass: broken > 0 ? "verdict breaks" : "verdict holds")
        var table = HTMLTable(header: [""] + runs.map(\.column.label))
        table.rows = rows().map { row in [.text(row[0])] + row.dropFirst().map { .text($0) } }
        body += table.rendered()
        let outcomes = HTMLSection(id: "outcomes", title: "Outcomes side by side", body: body)

        var charts = ExperimentHTMLText.paragraph("Each key series over time, one line per case.")
        for chart in seriesCharts() {
            charts += ExperimentHTMLText.heading(chart.chart.title)
            charts += HTMLFigure.markup(caption: chart.caption) { () throws(ChartError) in try chart.chart.render() }
        }
        let series = HTMLSection(id: "key-series", title: "Key series", body: charts)

        var each = ""
        for run in runs {
            let column = run.column
            each += ExperimentHTMLText.heading(column.label)
            if let error = column.error {
                each += ExperimentHTMLText.paragraph("The run stopped with an error: \(error)", cssClass: "chart-error")
                continue
            }
            each += ExperimentHTMLText.paragraph(
                column.broke
                    ? "The loop BREAKS in \(column.breakLabel ?? "?")." : "The loop HOLDS through \(run.result?.periodLabels.last ?? "the horizon").",
                cssClass: column.broke ? "verdict breaks" : "verdict holds")
            each += ExperimentHTMLText.paragraph(
                "\(column.scenario), seed \(column.seed), shocks: \(column.shocks.isEmpty ? "none" : column.shocks.joined(separator: ", ")).",
                cssClass: "muted")
            if let summary = run.result?.summary {
                if let failure = summary.firstFailure {
                    each += "<p><strong>\(summary.broke ? "What broke it" : "First failure (the loop held)"):</strong> "
                    each += XMLText.escape("\(failure.label) \(failure.entity) — \(failure.type.rawValue): \(failure.cause)") + "</p>\n"
                }
                if !summary.chain.isEmpty {
                    each += "<ol class=\"chain\">\n"
                    for event in summary.chain.prefix(12) {
                        each += "<li>" + XMLText.escape("\(event.label) \(event.entity): \(event.type.rawValue) — \(event.cause)") + "</li>\n"
                    }
                    if summary.chain.count > 12 { each += "<li>" + XMLText.escape("… and \(summary.chain.count - 12) more") + "</li>\n" }
                    each += "</ol>\n"
                }
            }
            each += "<p><strong>Weakest link:</strong> \(XMLText.escape(column.weakestLink))</p>\n"
        }
        return [outcomes, series, HTMLSection(id: "runs", title: "Each run", body: each)]
    }

    /// The whole page.
    public func html() -> String {
        HTMLDocument(
            title: "Comparison of \(ExperimentHTMLText.plural(runs.count, "case"))",
            subtitle: [runs.map(\.column.label).joined(separator: " · ")], sections: sections()
        ).rendered()
    }
}
