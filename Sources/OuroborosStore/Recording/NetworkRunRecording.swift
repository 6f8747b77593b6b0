import OuroborosCore
public import OuroborosEngine

extension RunSeries {
    /// The series of a network run, in the order and with the names of its long CSV: per entity
    /// cash, revenue, debt, market_value, backlog, capacity_gw; per market its price; then the
    /// macro policy_rate, liquidity, sentiment and risk_premium.
    public init(network result: NetworkRunResult) {
        var columns: [Column] = []
        for entity in result.entities {
            for (variable, values) in entity.exportedSeries {
                columns.append(Column(entity: entity.id, variable: variable, values: values))
            }
        }
        for market in result.markets {
            columns.append(Column(entity: market.id, variable: "price", values: market.price))
        }
        for (variable, values) in result.macro.exportedSeries {
            columns.append(Column(entity: "macro", variable: variable, values: values))
        }
        self.init(layout: .long, periodLabels: result.periodLabels, columns: columns)
    }
}

extension RunSummary {
    /// Whether a network run's loop held, when it broke and through which failure, with the
    /// chain of failures that followed, the weakest link and the accounting check.
    public init(network result: NetworkRunResult) {
        let labels = result.periodLabels
        let summary = result.summary
        func event(_ e: EngineEvent) -> String { e.json(periodLabels: labels) }
        let failure = summary.firstFailure.map { "\($0.entity) \($0.type.rawValue): \($0.cause)" }
        let breakLabel = summary.broke ? summary.breakLabel ?? summary.firstFailure.map { labels[$0.period] } : nil
        var json = "{\"holds\": \(!summary.broke), \"break_period\": \(breakLabel.map(NumberText.jsonString) ?? "null"), "
        json += "\"first_failure\": \(summary.firstFailure.map(event) ?? "null"), "
        json += "\"weakest_link\": \(NumberText.jsonString(summary.weakestLink)), "
        json += "\"chain\": [" + summary.chain.map(event).joined(separator: ", ") + "], "
        json += "\"max_relative_imbalance\": \(NumberText.full(result.maxRelativeImbalance))}"
        let headline: String
        if summary.broke, let first = summary.firstFailure {
            headline = "breaks \(breakLabel ?? labels[first.period]): \(first.entity) \(first.type.rawValue)"
        } else {
            headline = "holds through \(labels[labels.count - 1])"
        }
        self.init(holds: !summary.broke, breakPeriod: breakLabel, firstFailure: failure, headline: headline, json: json)
    }
}

extension EngineEvent {
    /// The event as the run's JSON and its stored summary write it:
    /// `{"period": "2027-07", "entity": "openai", "type": "contractCancelled", "amount": 2.73e11, "cause": "…"}`.
    public func json(periodLabels: [String]) -> String {
        "{\"period\": \(NumberText.jsonString(periodLabels[period])), \"entity\": \(NumberText.jsonString(entity)), "
            + "\"type\": \(NumberText.jsonString(type.rawValue)), \"amount\": \(NumberText.full(amount)), "
            + "\"cause\": \(NumberText.jsonString(cause))}"
    }
}
