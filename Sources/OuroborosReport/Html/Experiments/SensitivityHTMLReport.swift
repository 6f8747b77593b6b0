import OuroborosCore
public import OuroborosEngine
public import OuroborosExperiments

/// The HTML report of a sensitivity study: the outcome analysed, the method and design, the
/// tornado of the ranked indices (Morris μ* with σ, or Sobol ST and S1 with their 95% bootstrap
/// intervals), for Morris the swing of the outcome across each parameter's range, and the table
/// of the text output.
public struct SensitivityHTMLReport: Sendable {
    /// The study's result.
    public var result: SensitivityResult
    /// The scenario's name and the shocks added to every run, as written.
    public var scenario: String, shocks: [String]
    /// The scenario's uncertain parameters (for their distributions).
    public var uncertain: [UncertainParameter]

    /// A report of `result` on `scenario` with `shocks`.
    public init(result: SensitivityResult, scenario: NetworkScenario, shocks: [String]) {
        self.result = result
        self.scenario = scenario.name
        self.shocks = shocks
        self.uncertain = scenario.uncertain
    }

    var isMorris: Bool { result.method == "morris" }

    /// What the outcome is, in words.
    public var outcomeMeaning: String {
        let text = result.outcome
        if text == "broke" { return "1 when the loop broke within the horizon, else 0 (its mean is the break probability)" }
        if text == "time-to-break" { return "periods until the loop broke (one more than the horizon when it held)" }
        if text.hasPrefix("broke-by:") { return "1 when the loop broke by the end of \(text.dropFirst("broke-by:".count)), else 0" }
        if text.hasPrefix("end:") { return "the value of \(text.dropFirst("end:".count)) at the end of the run (revenue: summed over the run)" }
        return text
    }

    /// The outcome's unit: dollars for an entity's cash, debt, value or revenue, else a number.
    var outcomeUnit: ValueUnit {
        let text = result.outcome
        guard text.hasPrefix("end:") else { return .number }
        return text.hasSuffix(".capacity") ? .number : .usd
    }

    /// The ranked indices as bars: μ* with σ (Morris), or ST with S1 and their intervals (Sobol).
    public func indexChart() -> RankedBarChart {
        let fixed = { (value: Double?) in NumberText.fixed(value ?? 0, decimals: 3) }
        if isMorris {
            return RankedBarChart(
                title: "Tornado: which parameters move \(result.outcome) (Morris μ* and σ)",
                rows: result.indices.map {
                    .init(
                        label: $0.parameter, value: $0.muStar ?? 0, secondary: $0.sigma ?? 0,
                        text: "μ* \(fixed($0.muStar)) · σ \(fixed($0.sigma))")
                },
                unit: outcomeUnit, valueTitle: "change of \(result.outcome) across the parameter's range",
                primaryName: "μ*: mean absolute effect", secondaryName: "σ: spread of the effects (non-linearity, interactions)")
        }
        return RankedBarChart(
            title: "Tornado: which parameters move \(result.outcome) (Sobol ST and S1)",
            rows: result.indices.map {
                .init(
                    label: $0.parameter, value: $0.total ?? 0, interval: Self.interval($0.totalLow, $0.totalHigh),
                    secondary: $0.firstOrder ?? 0, secondaryInterval: Self.interval($0.firstOrderLow, $0.firstOrderHigh),
                    text: "ST \(fixed($0.total)) · S1 \(fixed($0.firstOrder))")
            },
            unit: .number, valueTitle: "share of the outcome's variance",
            primaryName: "ST: total index", secondaryName: "S1: first-order index")
    }

    static func interval(_ low: Double?, _ high: Double?) -> ClosedRange<Double>? {
        guard let low, let high, low <= high else { return nil }
        return low...high
    }

    /// Morris only: the outcome around its mean when each parameter moves from the low to the high
    /// end of its range, by the mean elementary effect μ (a linear reading of the effects).
    public func swingChart() -> TornadoChart? {
        guard isMorris else { return nil }
        let mean = result.outcomeMean
        return TornadoChart(
            title: "Swing of \(result.outcome) across each parameter's range (Morris μ)", baseline: mean,
            bars: result.indices.map {
                let mu = $0.mu ?? 0
                return .init(label: $0.parameter, low: mean - mu / 2, high: mean + mu / 2, lowSetting: "low end", highSetting: "high end")
            },
            unit: outcomeUnit, outcome: "\(result.outcome) (mean over the runs ± μ/2)")
    }

    /// The report's sections.
    public func sections() -> [HTMLSection] {
        var body = ""
        if result.partial {
            body += ExperimentHTMLText.paragraph(
                "PARTIAL: interrupted; the indices use the complete \(isMorris ? "trajectories" : "samples") only.",
                cssClass: "verdict breaks")
        }
        if let top = result.indices.first {
            body += ExperimentHTMLText.paragraph(
                "\(top.parameter) moves \(result.outcome) the most"
                    + (isMorris
                        ? " (μ* \(NumberText.fixed(top.muStar ?? 0, decimals: 3)))." : " (ST \(NumberText.fixed(top.total ?? 0, decimals: 3)))."),
                cssClass: "verdict holds")
        }
        var what = HTMLTable(header: ["setting", "value"])
        let sd = result.outcomeVariance.squareRoot()
        what.rows = [
            [.text("scenario"), .text(scenario)],
            [.text("shocks added to every run"), .text(shocks.isEmpty ? "none" : shocks.joined(separator: ", "))],
            [.text("outcome analysed"), .text("\(result.outcome): \(outcomeMeaning)")],
            [
                .text("method"),
                .text(
                    isMorris
                        ? "Morris elementary effects, \(result.samples) trajectories"
                        : "Sobol indices (Saltelli scheme), \(result.samples) base samples, 95% bootstrap intervals"),
            ],
            [
                .text("runs"),
                .text(
                    "\(NumberText.grouped(result.evaluations)), seed \(result.seed)"
                        + (result.failedRuns > 0 ? "; \(result.failedRuns) stopped with an error and count as an immediate break" : "")),
            ],
            [
                .text("outcome over the runs"),
                .text("mean \(NumberText.fixed(result.outcomeMean, decimals: 3)), standard deviation \(NumberText.fixed(sd, decimals: 3))"),
            ],
        ]
        body += what.rendered()
        var parameters = HTMLTable(header: ["parameter", "distribution"])
        parameters.rows = uncertain.map { [.text($0.path.description), .text(DistributionText.text($0.distribution))] }
        if !parameters.rows.isEmpty { body += ExperimentHTMLText.heading("Parameters varied") + parameters.rendered() }
        let summary = HTMLSection(id: "summary", title: "Summary: what moves \(result.outcome)?", body: body)

        let explanation =
            isMorris
            ? "μ*: the mean absolute change of the outcome when one parameter moves across its whole range (quantile level 0 to 1), others held; "
                + "σ: how much that change varies from point to point (large σ: non-linear or interacting)."
            : "ST: the share of the outcome's variance the parameter takes part in (alone or with others); S1: the share it explains alone. Whiskers: 95% bootstrap intervals."
        var ranking = ExperimentSection(
            id: "tornado", title: "Ranking",
            tornado: swingChart().map {
                ($0, "Outcome at each parameter's low and high end, read linearly from the mean elementary effect μ, around the mean outcome.")
            }
        )
        .section()
        ranking.body =
            ExperimentHTMLText.paragraph(explanation)
            + HTMLFigure.markup(caption: "Parameters ranked by \(isMorris ? "μ*" : "ST"), largest first.") { () throws(ChartError) in
                try indexChart().render()
            }
            + ranking.body
        ranking.body += ExperimentHTMLText.heading("Indices") + table().rendered()
        return [summary, ranking]
    }

    /// The table of the text output.
    func table() -> HTMLTable {
        let fixed = { (value: Double?) in NumberText.fixed(value ?? 0, decimals: 3) }
        if isMorris {
            var table = HTMLTable(header: ["rank", "parameter", "μ*", "μ", "σ"], numericColumns: [0, 2, 3, 4])
            table.rows = result.indices.enumerated().map { rank, index in
                [.number("\(rank + 1)"), .text(index.parameter), .number(fixed(index.muStar)), .number(fixed(index.mu)), .number(fixed(index.sigma))]
            }
            return table
        }
        var table = HTMLTable(header: ["rank", "parameter", "S1", "S1 interval", "ST", "ST interval"], numericColumns: [0, 2, 3, 4, 5])
        table.rows = result.indices.enumerated().map { rank, index in
            [
                .number("\(rank + 1)"), .text(index.parameter), .number(fixed(index.firstOrder)),
                .number("\(fixed(index.firstOrderLow)) – \(fixed(index.firstOrderHigh))"), .number(fixed(index.total)),
                .number("\(fixed(index.totalLow)) – \(fixed(index.totalHigh))"),
            ]
        }
        return table
    }

    /// The whole page.
    public func html() -> String {
        let subtitle = [
            "\(isMorris ? "Morris" : "Sobol") study of \(result.outcome), \(ExperimentHTMLText.plural(result.evaluations, "run")), seed \(result.seed)"
                + (shocks.isEmpty ? "" : "; shocks \(shocks.joined(separator: " "))") + (result.partial ? " — PARTIAL" : "")
        ]
        return HTMLDocument(title: "Sensitivity: \(scenario)", subtitle: subtitle, sections: sections()).rendered()
    }
}
