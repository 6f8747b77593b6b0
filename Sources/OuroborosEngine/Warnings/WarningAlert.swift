/// The first time an indicator crossed its threshold, in a run or in observed data.
public struct WarningAlert: Sendable, Hashable {
    /// The indicator.
    public var indicator: EarlyWarningIndicator
    /// The threshold it crossed.
    public var threshold: Double
    /// The period it first did, as labelled (`2026-04`).
    public var periodLabel: String
    /// That period's first month as year × 12 + month − 1.
    public var month: Int
    /// The entity (or group: `clouds`, `system`, `observed`) it was read on.
    public var entity: String
    /// The value then.
    public var value: Double
    /// Months from the alert to the loop's break (negative: the alert came after it); nil when the loop held.
    public var leadMonths: Int?

    /// Creates an alert.
    public init(
        indicator: EarlyWarningIndicator, threshold: Double, periodLabel: String, month: Int, entity: String,
        value: Double, leadMonths: Int?
    ) {
        self.indicator = indicator
        self.threshold = threshold
        self.periodLabel = periodLabel
        self.month = month
        self.entity = entity
        self.value = value
        self.leadMonths = leadMonths
    }
}
