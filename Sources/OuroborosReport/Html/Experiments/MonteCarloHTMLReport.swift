import OuroborosCore
public import OuroborosEngine
public import OuroborosExperiments

/// The HTML report of a Monte Carlo experiment: what was run (scenario, runs, seed, the uncertain
/// parameters with their distributions, shocks; whether it is partial), the probability that the
/// loop has broken by each year with its confidence band, when the broken runs broke, who failed
/// first, and fan charts of the key series' quantiles, each with the table of the text output.
///
/// ```swift
/// let summary = experiment.summary(of: outcomes)
/// try AtomicFile.write(MonteCarloHTMLReport(summary: summary, scenario: scenario).html(), to: path)
/// ```
public struct MonteCarloHTMLReport: Sendable {
    /// Every figure of the experiment.
    public var summary: MonteCarloSummary
    /// The scenario's uncertain parameters (for their distributions) and description, when known.
    public var uncertain: [UncertainParameter]
    public var scenarioDescription: String
    /// What each key series is, by name.
    public var seriesMeaning: [String: String]

    /// A report of `summary`; `scenario` adds the parameters' distributions and the series' meanings.
    public init(summary: MonteCarloSummary, scenario: NetworkScenario? = nil) {
        self.summary = summary
        self.uncertain = scenario?.uncertain ?? []
        self.scenarioDescription = scenario?.description ?? ""
        var meaning: [String: String] = [:]
        if let scenario { for series in KeySeries.all(for: scenario) { meaning[series.name] = series.meaning } }
        self.seriesMeaning = meaning
    }

    // MARK: - Charts

    /// P(broken by the end of each year) with its 95% Wilson band.
    public func breakProbabilityChart() -> BreakProbabilityChart {
        let years = summary.breakProbability
        return BreakProbabilityChart(
            title: "Probability that the loop has broken by the end of each year",
            years: years.map { "\($0.year)" }, probability: years.map(\.probability),
            lower: years.map(\.low), upper: years.map(\.high))
    }

    /// Runs whose loop broke in each period (month or quarter) of the horizon.
    public func breakPeriodChart() -> BarChart {
        let step = summary.breakPeriods.first?.label.contains("Q") == true ? "quarter" : "month"
        return BarChart(
            title: "When the loop breaks: runs breaking in each \(step)",
            bars: summary.breakPeriods.map {
                .init(
                    label: $0.label, value: Double($0.count), color: ChartPalette.cycle,
                    tooltip: "\($0.label): \(ExperimentHTMLText.plural($0.count, "run")) broke")
            },
            unit: .number, valueTitle: "runs", categoryTitle: "\(step) the loop broke in")
    }

    /// Who failed first in the runs that broke, most often first.
    public func firstFailureChart() -> RankedBarChart {
        RankedBarChart(
            title: "Who failed first in the runs that broke",
            rows: summary.firstFailures.map {
                .init(
                    label: $0.entity, value: Double($0.count),
                    text: "\(ExperimentHTMLText.plural($0.count, "run")) · \(ExperimentText.percent($0.share)) of breaks")
            },
            unit: .number, valueTitle: "runs in which it failed first", primaryName: "runs in which the entity's failure broke the loop")
    }

    /// One fan chart per key series: 5%–95% band and median over the runs at each sample period.
    public func fanCharts() -> [(name: String, chart: FanChart)] {
        summary.quantileSeries.map { series in
            (
                series.name,
                FanChart(
                    title: KeySeriesStyle.heading(series.name), periods: series.periodLabels,
                    series: [.init(label: KeySeriesStyle.heading(series.name), p05: series.p5, p50: series.p50, p95: series.p95)],
                    unit: KeySeriesStyle.unit(series.name), valueTitle: KeySeriesStyle.axisTitle(series.name),
                    includeZero: series.name != "sentiment", plotHeight: 200)
            )
        }
    }

    // MARK: - Sections

    /// The report's sections, in order.
    public func sections() -> [HTMLSection] {
        [summarySection(), breakProbabilitySection(), breakTimingSection(), firstFailureSection(), keySeriesSection(), definitionSection()]
    }

    /// The whole page.
    public func html() -> String {
        let d = summary.definition
        var line = "\(ExperimentHTMLText.plural(d.runs, "run")), seed \(d.seed), "
        line += ExperimentHTMLText.plural(d.parameters.count, "uncertain parameter")
        line += d.shocks.isEmpty ? ", no added shocks" : ", shocks \(d.shocks.joined(separator: " "))"
        if summary.partial { line += " — PARTIAL" }
        var subtitle = [line]
        if !scenarioDescription.isEmpty { subtitle.append(scenarioDescription) }
        return HTMLDocument(title: "Monte Carlo: \(d.scenario)", subtitle: subtitle, sections: sections()).rendered()
    }

    private var lastLabel: String { summary.definition.periodLabels.last ?? "" }

    func summarySection() -> HTMLSection {
        let d = summary.definition
        var body = ""
        if summary.partial {
            body += ExperimentHTMLText.paragraph(
                "PARTIAL: \(NumberText.grouped(summary.runs + summary.failedRuns)) of "
                    + "\(ExperimentHTMLText.plural(d.runs, "run")) done (interrupted, or a shard missing); every figure covers those runs only.",
                cssClass: "verdict breaks")
        }
        let broken = Double(summary.brokenRuns) / Double(max(summary.runs, 1))
        let end = summary.breakProbability.last
        var verdict = "The financing loop breaks by \(end?.through ?? lastLabel) in \(ExperimentText.percent(broken)) of "
        verdict += "\(ExperimentHTMLText.plural(summary.runs, "run"))"
        if let end {
            verdict += " (95% interval \(ExperimentText.percent(end.low, decimals: 2)) – \(ExperimentText.percent(end.high, decimals: 2)))"
        }
        body += ExperimentHTMLText.paragraph(verdict + ".", cssClass: broken >= 0.5 ? "verdict breaks" : "verdict holds")
        if summary.breakPeriodQuantiles.count == 3 {
            let q = summary.breakPeriodQuantiles
            body += ExperimentHTMLText.paragraph(
                "Of the \(ExperimentHTMLText.plural(summary.brokenRuns, "run")) that broke, 5% broke by \(q[0]), "
                    + "half by \(q[1]) and 95% by \(q[2]).")
        }
        if let top = summary.firstFailures.first {
            body += ExperimentHTMLText.paragraph(
                "Most often the first to fail: \(top.entity), in \(ExperimentText.percent(top.share)) of the breaks.")
        }
        if summary.failedRuns > 0 {
            body += ExperimentHTMLText.paragraph(
                "\(ExperimentHTMLText.plural(summary.failedRuns, "run")) stopped with an error and are left out "
                    + "(first: \(summary.firstError ?? "")).", cssClass: "chart-error")
        }
        body +=
            "<p class=\"muted\">Each run draws the \(ExperimentHTMLText.plural(d.parameters.count, "uncertain parameter")) of the scenario "
            + "(see <a href=\"#definition\">What was run</a>) and runs the whole network; the figures below count the runs.</p>\n"
        return HTMLSection(id: "summary", title: "Summary: how likely does the loop break?", body: body)
    }

    /// What was run: the scenario, runs, seed, horizon, shocks and every uncertain parameter with its distribution.
    func definitionSection() -> HTMLSection {
        let d = summary.definition
        var body = ""
        var what = HTMLTable(header: ["setting", "value"])
        what.rows = [
            [.text("scenario"), .text(d.scenario)],
            [.text("scenario fingerprint"), .text(d.scenarioHash)],
            [
                .text("runs"),
                .text(
                    "\(NumberText.grouped(d.runs)) asked, \(NumberText.grouped(summary.runs)) aggregated, "
                        + "\(NumberText.grouped(summary.failedRuns)) stopped with an error" + (summary.partial ? " (partial)" : "")),
            ],
            [.text("seed"), .text("\(d.seed) (run i draws from a generator seeded by the seed and i only)")],
            [.text("horizon"), .text("\(d.periodLabels.first ?? "") to \(lastLabel)")],
            [.text("shocks added to every run"), .text(d.shocks.isEmpty ? "none" : d.shocks.joined(separator: ", "))],
        ]
        body += what.rendered()
        body += ExperimentHTMLText.heading("Uncertain parameters, drawn independently in every run")
        var parameters = HTMLTable(header: ["parameter", "distribution", "where written"])
        for path in d.parameters {
            let entry = uncertain.first { $0.path.description == path }
            parameters.rows.append([
                .text(path), .text(entry.map { DistributionText.text($0.distribution) } ?? "–"),
                .text(DistributionText.location(entry?.location)),
            ])
        }
        body +=
            d.parameters.isEmpty
            ? ExperimentHTMLText.paragraph("None: every run is the same scenario (the spread of the key series is zero).") : parameters.rendered()
        return HTMLSection(id: "definition", title: "What was run", body: body)
    }

    func breakProbabilitySection() -> HTMLSection {
        var section = ExperimentSection(
            id: "break-probability", title: "Probability of a break",
            description: "The share of runs whose loop has broken by the end of each calendar year, "
                + "with its 95% Wilson score interval (the band).",
            breakProbability: (
                breakProbabilityChart(),
                "Probability that the loop has broken by the end of each year, 0–100%; band: 95% Wilson interval over "
                    + "\(ExperimentHTMLText.plural(summary.runs, "run"))."
            )
        ).section()
        var table = HTMLTable(header: ["year", "through", "broken", "probability", "interval"], numericColumns: [2, 3, 4])
        table.rows = summary.breakProbability.map {
            [
                .text("\($0.year)"), .text($0.through), .number("\($0.breaks)"), .number(ExperimentText.percent($0.probability)),
                .number("\(ExperimentText.percent($0.low, decimals: 2)) – \(ExperimentText.percent($0.high, decimals: 2))"),
            ]
        }
        section.body += table.rendered()
        return section
    }

    func breakTimingSection() -> HTMLSection {
        var body = ""
        if summary.brokenRuns == 0 {
            body += ExperimentHTMLText.paragraph("No run broke within the horizon (through \(lastLabel)).")
        } else {
            body += HTMLFigure.markup(
                caption: "Runs whose loop broke in each period, out of \(ExperimentHTMLText.plural(summary.runs, "run")); "
                    + "\(ExperimentHTMLText.plural(summary.heldRuns, "run")) held through \(lastLabel)."
            ) { () throws(ChartError) in
                try breakPeriodChart().render()
            }
        }
        var table = HTMLTable(header: ["year", "runs breaking", "share"], numericColumns: [1, 2])
        table.rows = summary.breakYears.map { [.text("\($0.year)"), .number("\($0.count)"), .number(ExperimentText.percent($0.share))] }
        table.rows.append([
            .text("held through \(lastLabel)"), .number("\(summary.heldRuns)"),
            .number(ExperimentText.percent(Double(summary.heldRuns) / Double(max(summary.runs, 1)))),
        ])
        body += table.rendered()
        return HTMLSection(id: "break-timing", title: "When it breaks", body: body)
    }

    func firstFailureSection() -> HTMLSection {
        var body = ""
        if summary.firstFailures.isEmpty {
            body += ExperimentHTMLText.paragraph("No run broke, so no failure broke the loop.")
        } else {
            body += ExperimentHTMLText.paragraph(
                "The entity whose failure (default, cancelled contract, missed payment) was the event that broke the loop.")
            body += HTMLFigure.markup(
                caption: "Runs in which each entity failed first, among the \(ExperimentHTMLText.plural(summary.brokenRuns, "run")) that broke."
            ) {
                () throws(ChartError) in try firstFailureChart().render()
            }
            var table = HTMLTable(header: ["entity", "runs", "share of breaks"], numericColumns: [1, 2])
            table.rows = summary.firstFailures.map { [.text($0.entity), .number("\($0.count)"), .number(ExperimentText.percent($0.share))] }
            body += table.rendered()
        }
        return HTMLSection(id: "first-failures", title: "Who fails first", body: body)
    }

    func keySeriesSection() -> HTMLSection {
        let fans = fanCharts().map { name, chart in
            var caption = "Median (line) and 5% to 95% of runs (band) at the end of each quarter"
            if let meaning = seriesMeaning[name] { caption += ": \(meaning)" }
            return (chart: chart, caption: caption + ".")
        }
        var section = ExperimentSection(
            id: "key-series", title: "Key series across the runs",
            description: "How far apart the runs end up: for each key series the median run and the band "
                + "holding 90% of the runs, period by period (broken runs included).",
            fanCharts: fans
        ).section()
        let d = summary.definition
        let columns = d.periodLabels.indices.filter { t in
            t == 0 || t == d.periodLabels.count - 1 || d.periodLabels[t].hasSuffix("-12") || d.periodLabels[t].hasSuffix("Q4")
        }
        var table = HTMLTable(header: ["series", ""] + columns.map { d.periodLabels[$0] }, numericColumns: Set(columns.indices.map { $0 + 2 }))
        for series in summary.quantileSeries {
            for (name, values) in [("5%", series.p5), ("median", series.p50), ("95%", series.p95)] {
                table.rows.append(
                    [.text(name == "5%" ? series.name : ""), .text(name)]
                        + columns.map { .number(KeySeriesStyle.text(series.name, values[$0])) })
            }
        }
        section.body += ExperimentHTMLText.heading("5% / median / 95% of runs at the end of each year") + table.rendered()
        return section
    }
}
