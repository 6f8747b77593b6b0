/// Where a deal, order, tranche or loan stands.
enum DealState: UInt8, Sendable {
    /// Not yet signed or placed.
    case pending
    /// Signed and running.
    case active
    /// Paid or delivered in full.
    case completed
    /// Cancelled by a party (shortfall, default, cut).
    case cancelled
    /// Failed for want of money.
    case failed
}

/// One dated payment of a deal, compiled: the period, the amount and an optional GW condition.
struct ScheduledAmount: Sendable {
    /// The period it falls due.
    var period: Int
    /// USD.
    var amount: Double
    /// GW the recipient must have energised first, NaN when unconditional.
    var conditionGW: Double
}
