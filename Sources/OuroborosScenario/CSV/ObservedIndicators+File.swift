import Foundation
public import OuroborosCore
public import OuroborosEngine

extension ObservedIndicators {
    /// Reads the file at `path`: every problem (header, field count, unknown indicator, a period that
    /// is not `YYYY-MM`, a value that is not a finite number, the same indicator and month twice) is
    /// reported at once as a `DiagnosticList` at FILE:LINE:COLUMN; an unreadable file throws `ScenarioLoadError`.
    public static func read(path: String) throws -> ObservedIndicators {
        let table = try CSVTable.read(path: path, columns: ObservedIndicators.columns)
        var problems: [Diagnostic] = []
        var observations: [ObservedIndicators.Observation] = []
        var seen: [String: Int] = [:]
        let names = EarlyWarningIndicator.allCases.map(\.rawValue).joined(separator: ", ")
        for row in table.rows {
            let name = row.text("indicator").trimmingCharacters(in: .whitespaces)
            let indicator = EarlyWarningIndicator(name: name)
            if indicator == nil {
                problems.append(
                    Diagnostic(
                        "column 'indicator': expected one of \(names), found '\(row.text("indicator"))'",
                        at: row.location("indicator")))
            }
            let period = row.text("period").trimmingCharacters(in: .whitespaces)
            let month = ObservedIndicators.month(period)
            if month == nil {
                problems.append(
                    Diagnostic(
                        "column 'period': expected a month YYYY-MM, found '\(row.text("period"))'",
                        at: row.location("period")))
            }
            let value = row.number("value", &problems)
            guard let indicator, let month, let value else { continue }
            let key = "\(indicator.rawValue)@\(month)"
            if let line = seen[key] {
                problems.append(
                    Diagnostic(
                        "expected one value of \(indicator.rawValue) for \(period), found a second (the first is on line \(line))",
                        at: row.location("period")))
                continue
            }
            seen[key] = row.line
            observations.append(ObservedIndicators.Observation(indicator: indicator, periodLabel: period, month: month, value: value))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return ObservedIndicators(observations)
    }

}
