import OuroborosCore
public import OuroborosEngine

/// Renders the early warnings of a run (M12): the alert table (each indicator's threshold, its first
/// alert, on whom, the value then and the lead time before the break, side by side with the alerts
/// of observed data when given), the per-period values as CSV, and one JSON object.
public struct EarlyWarningReport: Sendable {
    /// The run's indicators.
    public var warnings: EarlyWarnings
    /// The thresholds alerts are read against.
    public var thresholds: WarningThresholds
    /// Real-world values checked against the same thresholds, if imported.
    public var observed: ObservedIndicators?
    /// The scenario's name.
    public var scenarioName: String
    /// The seed of the run.
    public var seed: UInt64
    /// The shocks applied, as written.
    public var shocks: [String]

    /// Creates a report.
    public init(
        warnings: EarlyWarnings, thresholds: WarningThresholds, observed: ObservedIndicators? = nil,
        scenarioName: String, seed: UInt64, shocks: [String] = []
    ) {
        self.warnings = warnings
        self.thresholds = thresholds
        self.observed = observed
        self.scenarioName = scenarioName
        self.seed = seed
        self.shocks = shocks
    }

    private func simulatedAlert(_ indicator: EarlyWarningIndicator) -> WarningAlert? {
        warnings.firstAlert(indicator, thresholds: thresholds)
    }

    private func observedAlert(_ indicator: EarlyWarningIndicator) -> WarningAlert? {
        observed?.firstAlert(indicator, thresholds: thresholds, breakMonth: warnings.breakMonth)
    }

    private static func number(_ value: Double) -> String { NumberText.fixed(value, decimals: 2) }

    /// The one-screen answer: whether and when the loop broke, then one row per indicator.
    public func table() -> String {
        let labels = warnings.periodLabels
        var out = "\(scenarioName): early warnings, \(labels[1]) to \(labels[labels.count - 1]), seed \(seed)"
        out += shocks.isEmpty ? ", no shocks\n" : ", shocks: \(shocks.joined(separator: ", "))\n"
        if let period = warnings.breakPeriod {
            out += "The loop breaks in \(labels[period]); lead = months from the first alert to the break.\n\n"
        } else {
            out += "The loop holds over the horizon; no lead times.\n\n"
        }
        var header = ["indicator", "alert if", "threshold", "first alert", "entity", "value", "lead (months)"]
        if observed != nil { header += ["observed alert", "observed value", "observed lead"] }
        var table = TextTable(header: header, textColumns: observed != nil ? [1, 3, 4, 7] : [1, 3, 4])
        for indicator in EarlyWarningIndicator.allCases {
            var row = [indicator.rawValue, "\(indicator.direction.rawValue) (\(indicator.unit))", Self.number(thresholds[indicator])]
            if let alert = simulatedAlert(indicator) {
                row += [alert.periodLabel, alert.entity, Self.number(alert.value), alert.leadMonths.map(String.init) ?? "–"]
            } else {
                row += [warnings.readings(indicator).isEmpty ? "no data" : "none", "", "", ""]
            }
            if let observed {
                if let alert = observedAlert(indicator) {
                    row += [alert.periodLabel, Self.number(alert.value), alert.leadMonths.map(String.init) ?? "–"]
                } else {
                    row += [observed.covers(indicator) ? "none" : "not observed", "", ""]
                }
            }
            table.rows.append(row)
        }
        out += table.rendered()
        return out
    }

    /// The per-period values, long form: `period,indicator,entity,value` at full precision, indicators
    /// in order, then periods; periods where an indicator is undefined have no row.
    public func csv() -> String {
        var out = "period,indicator,entity,value\n"
        for indicator in EarlyWarningIndicator.allCases {
            for reading in warnings.readings(indicator) {
                out += "\(warnings.periodLabels[reading.period]),\(indicator.rawValue),\(NumberText.csvField(reading.entity)),"
                out += "\(NumberText.full(reading.value))\n"
            }
        }
        return out
    }

    /// One JSON object: `scenario`, `seed`, `shocks`, `break`, `thresholds`, `alerts`, `observed_alerts`
    /// (null without observed data) and `series` (per indicator, its readings); keys in a fixed order.
    public func json() -> String {
        func string(_ text: String) -> String { NumberText.jsonString(text) }
        func alert(_ a: WarningAlert) -> String {
            "{\"indicator\": \(string(a.indicator.rawValue)), \"threshold\": \(NumberText.full(a.threshold)), "
                + "\"period\": \(string(a.periodLabel)), \"entity\": \(string(a.entity)), \"value\": \(NumberText.full(a.value)), "
                + "\"lead_months\": \(a.leadMonths.map(String.init) ?? "null")}"
        }
        let indicators = EarlyWarningIndicator.allCases
        var out = "{\n"
        out += "  \"scenario\": \(string(scenarioName)),\n"
        out += "  \"seed\": \(seed),\n"
        out += "  \"shocks\": [" + shocks.map(string).joined(separator: ", ") + "],\n"
        out += "  \"break\": \(warnings.breakPeriod.map { string(warnings.periodLabels[$0]) } ?? "null"),\n"
        out +=
            "  \"thresholds\": {"
            + indicators.map { "\(string($0.rawValue)): \(NumberText.full(thresholds[$0]))" }
            .joined(separator: ", ") + "},\n"
        out += "  \"alerts\": [" + indicators.compactMap(simulatedAlert).map(alert).joined(separator: ", ") + "],\n"
        out +=
            "  \"observed_alerts\": "
            + (observed == nil ? "null" : "[" + indicators.compactMap(observedAlert).map(alert).joined(separator: ", ") + "]") + ",\n"
        out +=
            "  \"series\": {\n"
            + indicators.map { indicator in
                "    \(string(indicator.rawValue)): ["
                    + warnings.readings(indicator).map {
                        "{\"period\": \(string(warnings.periodLabels[$0.period])), \"entity\": \(string($0.entity)), \"value\": \(NumberText.full($0.value))}"
                    }.joined(separator: ", ") + "]"
            }.joined(separator: ",\n") + "\n  }\n"
        out += "}\n"
        return out
    }
}
