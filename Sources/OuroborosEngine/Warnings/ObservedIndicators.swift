public import OuroborosCore

/// Indicator values measured in the real world (read from a CSV file `indicator,period,value` by
/// `OuroborosScenario`), to be checked against the same thresholds as a run.
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

        /// An observation of `indicator` in month `month` (year × 12 + month − 1), written `periodLabel`.
        public init(indicator: EarlyWarningIndicator, periodLabel: String, month: Int, value: Double) {
            self.indicator = indicator
            self.periodLabel = periodLabel
            self.month = month
            self.value = value
        }
    }

    /// The file's columns.
    public static let columns = ["indicator", "period", "value"]

    /// The observations in month order (file order within a month).
    public let observations: [Observation]

    /// Creates a set from observations.
    public init(_ observations: [Observation]) {
        self.observations = observations.enumerated().sorted { ($0.element.month, $0.offset) < ($1.element.month, $1.offset) }.map(\.element)
    }

    /// A month `YYYY-MM` (as ``CalendarPeriod`` reads it) as year × 12 + month − 1, or nil for anything else.
    public static func month(_ text: String) -> Int? {
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
