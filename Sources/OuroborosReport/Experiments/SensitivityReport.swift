import OuroborosCore
public import OuroborosExperiments

/// The table, CSV and JSON of a sensitivity study.
public struct SensitivityReport: Sendable {
    /// The study's result.
    public let result: SensitivityResult
    /// The scenario's name.
    public let scenario: String
    /// The shocks added to every run, as written.
    public let shocks: [String]

    /// A report of `result`, a study of `scenario` under `shocks`.
    public init(result: SensitivityResult, scenario: String, shocks: [String]) {
        self.result = result
        self.scenario = scenario
        self.shocks = shocks
    }

    /// The JSON document.
    struct Document: Encodable {
        var command = "sensitivity"
        var scenario: String
        var shocks: [String]
        var result: SensitivityResult
    }

    /// `{"command": "sensitivity", "scenario": …, "shocks": […], "result": …}`.
    public func json() -> String { ExperimentText.json(Document(scenario: scenario, shocks: shocks, result: result)) }

    private var isMorris: Bool { result.method == "morris" }

    /// `rank,parameter,…` with the method's indices at full precision.
    public func csv() -> String {
        let header =
            isMorris
            ? ["rank", "parameter", "mu_star", "mu", "sigma"]
            : ["rank", "parameter", "s1", "s1_low", "s1_high", "st", "st_low", "st_high"]
        let rows = result.indices.enumerated().map { rank, index -> [String] in
            let figures =
                isMorris
                ? [index.muStar, index.mu, index.sigma]
                : [index.firstOrder, index.firstOrderLow, index.firstOrderHigh, index.total, index.totalLow, index.totalHigh]
            return ["\(rank + 1)", index.parameter] + figures.map { $0.map(NumberText.full) ?? "" }
        }
        return CSVText.document(header: header, rows: rows)
    }

    /// The ranking for people.
    public func table() -> String {
        let size = isMorris ? "\(result.samples) trajectories" : "\(result.samples) base samples"
        var out = "Sensitivity of \(result.outcome) in \(scenario)\(shocks.isEmpty ? "" : " with \(shocks.joined(separator: " "))"): "
        out += "\(isMorris ? "Morris elementary effects" : "Sobol indices (Saltelli scheme)"), \(size), "
        out += "\(NumberText.grouped(result.evaluations)) runs, seed \(result.seed)\n"
        if result.partial { out += "PARTIAL: interrupted; the indices use the complete \(isMorris ? "trajectories" : "samples") only\n" }
        if result.failedRuns > 0 { out += "\(result.failedRuns) runs stopped with an error and count as an immediate break\n" }
        let sd = result.outcomeVariance.squareRoot()
        out +=
            "Outcome over the runs: mean \(NumberText.fixed(result.outcomeMean, decimals: 3)), standard deviation \(NumberText.fixed(sd, decimals: 3))\n\n"
        if isMorris {
            out += "Ranked by μ* (mean absolute change of the outcome when the parameter moves across its whole range):\n"
            out += TextTable(
                header: ["rank", "parameter", "μ*", "μ", "σ"],
                rows: result.indices.enumerated().map { rank, index in
                    ["\(rank + 1)", index.parameter] + [index.muStar, index.mu, index.sigma].map { NumberText.fixed($0 ?? 0, decimals: 3) }
                }, textColumns: [1]
            ).rendered()
        } else {
            out += "Ranked by the total index ST (share of the outcome's variance the parameter takes part in; 95% bootstrap intervals):\n"
            out += TextTable(
                header: ["rank", "parameter", "S1", "S1 interval", "ST", "ST interval"],
                rows: result.indices.enumerated().map { rank, index in
                    [
                        "\(rank + 1)", index.parameter, NumberText.fixed(index.firstOrder ?? 0, decimals: 3),
                        "\(NumberText.fixed(index.firstOrderLow ?? 0, decimals: 3)) – \(NumberText.fixed(index.firstOrderHigh ?? 0, decimals: 3))",
                        NumberText.fixed(index.total ?? 0, decimals: 3),
                        "\(NumberText.fixed(index.totalLow ?? 0, decimals: 3)) – \(NumberText.fixed(index.totalHigh ?? 0, decimals: 3))",
                    ]
                }, textColumns: [1]
            ).rendered()
        }
        return out
    }
}
