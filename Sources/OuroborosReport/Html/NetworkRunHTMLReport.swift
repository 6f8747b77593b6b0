public import OuroborosEngine

/// The HTML report of one network run: the summary (does the loop hold or break, when, the first
/// failure and what followed), time series, the money-flow Sankey and the SFC matrices of one
/// period, the network of entities with its capital cycles, and the scenario's deals with sources.
///
/// ```swift
/// let (result, detail) = try NetworkSimulation(scenario: scenario).runWithDetail()
/// let page = NetworkRunHTMLReport(result: result, detail: detail, scenario: scenario).html()
/// try AtomicFile.write(page, to: url)
/// ```
public struct NetworkRunHTMLReport: Sendable {
    /// The run.
    public var result: NetworkRunResult
    /// Flows, matrices and revenue origins of the run.
    public var detail: RunDetail
    /// The scenario run (for its description and deals).
    public var scenario: NetworkScenario
    /// The shocks applied, as written.
    public var shocks: [String]
    /// The period (1 … T) whose money flows and matrices are shown.
    public var flowPeriod: Int
    /// Extra sections appended after the run's (experiment results).
    public var extraSections: [HTMLSection]

    /// Creates a report; `flowPeriod` defaults to `defaultFlowPeriod(of:)`.
    public init(
        result: NetworkRunResult, detail: RunDetail, scenario: NetworkScenario, shocks: [String] = [],
        flowPeriod: Int? = nil, extraSections: [HTMLSection] = []
    ) {
        self.result = result
        self.detail = detail
        self.scenario = scenario
        self.shocks = shocks
        let last = result.periodLabels.count - 1
        self.flowPeriod = min(max(1, flowPeriod ?? Self.defaultFlowPeriod(of: result)), max(1, last))
        self.extraSections = extraSections
    }

    /// The period shown by default: the last one before the loop broke, else the last period.
    public static func defaultFlowPeriod(of result: NetworkRunResult) -> Int {
        let last = result.periodLabels.count - 1
        if let broke = result.summary.breakPeriod { return max(1, broke - 1) }
        return max(1, last)
    }

    /// The label of the period shown.
    public var flowLabel: String { result.periodLabels[flowPeriod] }

    /// The report's sections, in order.
    public func sections() -> [HTMLSection] {
        [summarySection(), timeSeriesSection(), moneyFlowSection(), networkSection(), matrixSection(), dealsSection()] + extraSections
    }

    /// The whole page.
    public func html() -> String {
        let labels = result.periodLabels
        var subtitle = [
            "\(labels[1]) to \(labels[labels.count - 1]), \(labels.count - 1) periods, seed \(result.seed); "
                + (shocks.isEmpty ? "no shocks" : "shocks: \(shocks.joined(separator: ", "))")
        ]
        if !scenario.description.isEmpty { subtitle.append(scenario.description) }
        return HTMLDocument(title: "Ouroboros report: \(result.scenarioName)", subtitle: subtitle, sections: sections()).rendered()
    }

    // MARK: - Shared helpers

    /// The display name of entity `id`, without a parenthesised list (`Sovereign funds (MGX, PIF, …)` → `Sovereign funds`).
    func name(_ id: String) -> String { Self.shortName(detail.participant(id)?.name ?? result.entity(id)?.name ?? id) }

    /// `name` up to its first ` (`, when something is left.
    static func shortName(_ name: String) -> String {
        guard let range = name.firstRange(of: " (") else { return name }
        let head = name[..<range.lowerBound]
        return head.isEmpty ? name : String(head)
    }

    /// Words for an event type: `missedPayment` → `missed payment`.
    static func words(_ type: EngineEvent.Kind) -> String {
        var out = ""
        for character in type.rawValue {
            if character.isUppercase { out += " " + character.lowercased() } else { out.append(character) }
        }
        return out
    }

    /// Words for a deal kind: `compute_contract` → `compute contract`.
    static func words(_ kind: DealSpec.Kind) -> String { String(kind.rawValue.map { $0 == "_" ? " " : $0 }) }

    /// What one period is: `quarter` for quarterly runs (labels `2026Q1`), else `month`.
    var stepName: String { result.periodLabels.last?.contains("Q") == true ? "quarter" : "month" }

    /// `the 3 AI firms`, `the AI firm`.
    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "the \(noun)" : "the \(n) \(noun)s" }

    /// The markers of the time-series charts: where the loop broke.
    var breakMarkers: [LineChart.Marker] {
        guard let period = result.summary.breakPeriod else { return [] }
        let label = result.periodLabels[period]
        return [LineChart.Marker(period: label, label: "loop breaks \(label)")]
    }
}
