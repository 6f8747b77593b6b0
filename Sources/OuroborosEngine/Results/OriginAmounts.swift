/// Revenue received in one period split by where the money came from (M2 funds tracing), USD.
public struct OriginAmounts: Sendable, Hashable {
    /// Paid for by end users.
    public var endUsers: Double
    /// Traced back to investors' money.
    public var investors: Double
    /// Traced back to new debt.
    public var lenders: Double
    /// The receiving firm's own money come back.
    public var roundTrip: Double
    /// Of other origin (the state, the rest of the world, other firms' opening cash).
    public var other: Double

    /// Creates a split.
    public init(endUsers: Double = 0, investors: Double = 0, lenders: Double = 0, roundTrip: Double = 0, other: Double = 0) {
        self.endUsers = endUsers
        self.investors = investors
        self.lenders = lenders
        self.roundTrip = roundTrip
        self.other = other
    }

    /// The revenue traced.
    public var total: Double { endUsers + investors + lenders + roundTrip + other }

    /// The sum of two splits.
    public static func + (a: OriginAmounts, b: OriginAmounts) -> OriginAmounts {
        OriginAmounts(
            endUsers: a.endUsers + b.endUsers, investors: a.investors + b.investors, lenders: a.lenders + b.lenders,
            roundTrip: a.roundTrip + b.roundTrip, other: a.other + b.other)
    }
}
