import Foundation
public import OuroborosCore
public import OuroborosScenario

/// Indicator values measured in the real world, imported from a CSV file with the header
/// `indicator,period,value` (period `YYYY-MM`), to be checked against the same thresholds as a run.
public struct ObservedIndicators: Sendable {
    /// One observed value.
    public struct Observation: Sendable, Hashable {
        /// The indicator.
        public var indicator: EarlyWarningIndicator
        /// The month as written, `2025-09`.
        public var periodLabel: String
        /// The month as year × 12 + month − 1.
        public var month: Int
        /// The value, finite, in the indicator's unit.
        public var value: Double
    }

    /// The file's columns.
    public static let columns = ["indicator", "period", "value"]

    /// The observations in month order (file order within a month).
    public let observations: [Observation]

    /// Creates a set from observations.
    public init(_ observations: [Observation]) {
        self.observations = observations.enumerated().sorted { ($0.element.month, $0.offset) < ($1.element.month, $1.offset) }.map(\.element)
    }

    /// Reads the file at `path`: every problem (header, field count, unknown indicator, a period that
    /// is not `YYYY-MM`, a value that is not a finite number, the same indicator and month twice) is
    /// reported at once as a `DiagnosticList` at FILE:LINE:COLUMN; an unreadable file throws `ScenarioLoadError`.
    public static func read(path: String) throws -> ObservedIndicators {
        let table = try CSVTable.read(path: path, columns: columns)
        var problems: [Diagnostic] = []
        var observations: [Observation] = []
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
            let month = Self.month(period)
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
            observations.append(Observation(indicator: indicator, periodLabel: period, month: month, value: value))
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return ObservedIndicators(observations)
    }

    /// A month `YYYY-MM` (as ``CalendarPeriod`` reads it) as year × 12 + month − 1, or nil for anything else.
    static func month(_ text: String) -> Int? {
        guard let period = try? CalendarPeriod(parsing: text), period.granularity == .month else { return nil }
        return period.monthIndex
    }

    /// The first observation of `indicator` on the alerting side of its threshold; the lead time is
    /// counted to `breakMonth` (year × 12 + month − 1, e.g. `EarlyWarnings.breakMonth`) when given.
    public func firstAlert(_ indicator: EarlyWarningIndicator, thresholds: WarningThresholds, breakMonth: Int?) -> WarningAlert? {
        let threshold = thresholds[indicator]
        guard let hit = observations.first(where: { $0.indicator == indicator && indicator.breaches($0.value, threshold: threshold) }) else {
            return nil
        }
        return WarningAlert(
            indicator: indicator, threshold: threshold, periodLabel: hit.periodLabel, month: hit.month,
            entity: "observed", value: hit.value, leadMonths: breakMonth.map { $0 - hit.month })
    }

    /// True when the file has at least one value of `indicator`.
    public func covers(_ indicator: EarlyWarningIndicator) -> Bool { observations.contains { $0.indicator == indicator } }
}
