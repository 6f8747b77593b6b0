import OuroborosCore
public import OuroborosExperiments

/// The table, CSV and JSON of a Monte Carlo summary (the same for a run and for merged shards).
public struct MonteCarloReport: Sendable {
    /// The summary to render.
    public let summary: MonteCarloSummary

    /// A report of `summary`.
    public init(summary: MonteCarloSummary) { self.summary = summary }

    /// The JSON document: the command, the inputs and every figure.
    struct Document: Encodable {
        var command = "montecarlo"
        var summary: MonteCarloSummary
    }

    /// `{"command": "montecarlo", "summary": …}`: the inputs and every figure.
    public func json() -> String { ExperimentText.json(Document(summary: summary)) }

    /// Long form `figure,key,column,value`.
    public func csv() -> String {
        var rows: [[String]] = []
        for year in summary.breakProbability {
            rows.append(["break_probability", "\(year.year)", "probability", NumberText.full(year.probability)])
            rows.append(["break_probability", "\(year.year)", "low", NumberText.full(year.low)])
            rows.append(["break_probability", "\(year.year)", "high", NumberText.full(year.high)])
            rows.append(["break_probability", "\(year.year)", "breaks", "\(year.breaks)"])
        }
        for year in summary.breakYears { rows.append(["break_year", "\(year.year)", "runs", "\(year.count)"]) }
        rows.append(["break_year", "held", "runs", "\(summary.heldRuns)"])
        for period in summary.breakPeriods where period.count > 0 { rows.append(["break_period", period.label, "runs", "\(period.count)"]) }
        for (q, label) in zip(["p5", "p50", "p95"], summary.breakPeriodQuantiles) { rows.append(["break_period_quantile", q, "label", label]) }
        for entity in summary.firstFailures { rows.append(["first_failure", entity.entity, "runs", "\(entity.count)"]) }
        for series in summary.quantileSeries {
            for (t, label) in series.periodLabels.enumerated() {
                rows.append(["quantile", series.name, "\(label) p5", NumberText.full(series.p5[t])])
                rows.append(["quantile", series.name, "\(label) p50", NumberText.full(series.p50[t])])
                rows.append(["quantile", series.name, "\(label) p95", NumberText.full(series.p95[t])])
            }
        }
        rows.append(["runs", "completed", "runs", "\(summary.runs)"])
        rows.append(["runs", "failed", "runs", "\(summary.failedRuns)"])
        rows.append(["runs", "partial", "flag", summary.partial ? "true" : "false"])
        return CSVText.document(header: ["figure", "key", "column", "value"], rows: rows)
    }

    /// The screen for people: break probability by year, when it breaks, who fails first, key series.
    public func table() -> String {
        let d = summary.definition
        var out = "Monte Carlo: \(d.scenario), \(NumberText.grouped(d.runs)) runs, seed \(d.seed), "
        out += "\(d.parameters.count) uncertain parameter\(d.parameters.count == 1 ? "" : "s")"
        out += d.shocks.isEmpty ? "\n" : ", shocks \(d.shocks.joined(separator: " "))\n"
        if summary.partial {
            out +=
                "PARTIAL: \(NumberText.grouped(summary.runs + summary.failedRuns)) of \(NumberText.grouped(d.runs)) runs done; the figures cover those runs only\n"
        }
        if summary.failedRuns > 0 {
            out +=
                "\(summary.failedRuns) run\(summary.failedRuns == 1 ? "" : "s") stopped with an error and are left out (first: \(summary.firstError ?? ""))\n"
        }
        out += "\nProbability that the loop has broken by the end of each year (95% Wilson interval):\n"
        out += TextTable(
            header: ["year", "through", "broken", "probability", "interval"],
            rows: summary.breakProbability.map {
                [
                    "\($0.year)", $0.through, "\($0.breaks)", ExperimentText.percent($0.probability),
                    "\(ExperimentText.percent($0.low, decimals: 2)) – \(ExperimentText.percent($0.high, decimals: 2))",
                ]
            }, textColumns: [1]
        ).rendered()
        out += "\nWhen it breaks: "
        if summary.breakPeriodQuantiles.count == 3 {
            let q = summary.breakPeriodQuantiles
            out += "5% by \(q[0]), half by \(q[1]), 95% by \(q[2]) of the \(NumberText.grouped(summary.brokenRuns)) runs that broke; "
        }
        let last = d.periodLabels.last ?? ""
        out +=
            "held through \(last) in \(NumberText.grouped(summary.heldRuns)) run\(summary.heldRuns == 1 ? "" : "s") (\(ExperimentText.percent(Double(summary.heldRuns) / Double(max(summary.runs, 1)))))\n"
        out += TextTable(
            header: ["year", "runs breaking", "share"],
            rows: summary.breakYears.map {
                ["\($0.year)", "\($0.count)", ExperimentText.percent($0.share)]
            }
        ).rendered()
        out += "\nWho failed first (the event that broke the loop):\n"
        if summary.firstFailures.isEmpty {
            out += "  no run broke\n"
        } else {
            out += TextTable(
                header: ["entity", "runs", "share of breaks"],
                rows: summary.firstFailures.map {
                    [$0.entity, "\($0.count)", ExperimentText.percent($0.share)]
                }
            ).rendered()
        }
        out += "\nKey series, 5% / median / 95% of runs at the end of each year:\n"
        let columns = d.periodLabels.indices.filter { t in
            t == 0 || t == d.periodLabels.count - 1 || d.periodLabels[t].hasSuffix("-12") || d.periodLabels[t].hasSuffix("Q4")
        }
        var rows: [[String]] = []
        for series in summary.quantileSeries {
            for (name, values) in [("5%", series.p5), ("median", series.p50), ("95%", series.p95)] {
                rows.append([name == "5%" ? series.name : "", name] + columns.map { ExperimentText.series(series.name, values[$0]) })
            }
        }
        out += TextTable(header: ["series", ""] + columns.map { d.periodLabels[$0] }, rows: rows, textColumns: [1]).rendered()
        return out
    }
}
