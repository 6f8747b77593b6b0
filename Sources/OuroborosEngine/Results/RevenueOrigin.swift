/// Where an entity's revenue ultimately came from over a run, as shares that sum to 1 (M2).
///
/// Each period's payments are traced with proportional mixing: an entity's outflows are drawn
/// pro rata from its opening cash and its inflows of the period. Households are the end users;
/// venture, sovereign and hedge funds and insiders are investors; banks, private-credit funds and
/// bond investors are lenders; the central bank, the government, the rest of the world and
/// firms' cash of unknown origin are `other`; money that left the entity and came back is `roundTrip`.
public struct RevenueOrigin: Sendable, Hashable {
    /// Share paid for by end users (households, enterprises outside the network).
    public var endUsers: Double
    /// Share that traces back to investors' money.
    public var investors: Double
    /// Share that traces back to new debt.
    public var lenders: Double
    /// Share that traces back to the entity's own money.
    public var roundTrip: Double
    /// Share of other origin.
    public var other: Double
    /// The revenue traced, USD over the run.
    public var revenue: Double

    /// Creates an origin breakdown.
    public init(endUsers: Double = 0, investors: Double = 0, lenders: Double = 0, roundTrip: Double = 0, other: Double = 0, revenue: Double = 0) {
        self.endUsers = endUsers
        self.investors = investors
        self.lenders = lenders
        self.roundTrip = roundTrip
        self.other = other
        self.revenue = revenue
    }

    /// The share not paid for by end users: revenue backed by investors, lenders or itself.
    public var syntheticShare: Double { revenue > 0 ? 1 - endUsers : 0 }
}
