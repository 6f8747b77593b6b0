/// One indicator's value in one period, and the entity (or group) it was read on.
public struct IndicatorReading: Sendable, Hashable {
    /// The period, 1 … T.
    public var period: Int
    /// The value in the indicator's unit; always finite.
    public var value: Double
    /// The entity with the worst value, or the group read in aggregate (`clouds`, `system`).
    public var entity: String

    /// Creates a reading.
    public init(period: Int, value: Double, entity: String) {
        self.period = period
        self.value = value
        self.entity = entity
    }
}
