/// The trader's frame (M12): the early-warning indicators computed from a run and from imported
/// real data. Raw values are the names used on the command line and in files (`cash_runway`).
public enum EarlyWarningIndicator: String, Sendable, Hashable, CaseIterable {
    /// Funding squeeze: the fall, over the year, of the clouds' value / run-rate revenue multiple,
    /// counted in periods when the clouds' and labs' capex (trailing quarter) grew over the year, else 0.
    /// "Multiples compressing while capex guidance expands": the funding channel is asked for more
    /// money while it prices the builders lower. Alerts above the threshold (a fraction, 0.2 = 20%).
    case fundingSqueeze = "funding_squeeze"
    /// Cash runway of the model labs, months: cash over the average monthly net burn (operating cash
    /// flow less capex and interest, trailing quarter); the lab with the shortest runway. Labs that do
    /// not burn cash have no runway to watch. Alerts below the threshold.
    case cashRunway = "cash_runway"
    /// Interest coverage of the clouds (hyperscalers and neoclouds): operating cash flow over interest
    /// paid, trailing quarter; the weakest cloud. Alerts below the threshold (times covered).
    case interestCoverage = "interest_coverage"
    /// Backlog multiple of the sellers (clouds and chipmakers): remaining performance obligations over
    /// trailing-twelve-month revenue (annualised in the first year), in years of revenue; the highest.
    /// "Booking tomorrow's dollars today". Alerts above the threshold.
    case backlogMultiple = "backlog_multiple"
    /// Vendor-financed revenue: the share of a seller's revenue over the trailing year that traces back
    /// to money it invested in or lent to its customers (M2 round trips); the highest seller. The
    /// "hockey stick" a vendor finances itself. Needs funds tracing (M2). Alerts above the threshold.
    case vendorFinancedRevenue = "vendor_financed_revenue"
    /// System liquidity: the macro liquidity index (1 = the opening level), shocks included.
    /// Alerts below the threshold.
    case systemLiquidity = "system_liquidity"

    /// Which side of its threshold raises an alert.
    public enum Direction: String, Sendable, Hashable {
        /// A value above the threshold alerts.
        case above
        /// A value below the threshold alerts.
        case below
    }

    /// Which side of the threshold alerts.
    public var direction: Direction {
        switch self {
        case .fundingSqueeze, .backlogMultiple, .vendorFinancedRevenue: .above
        case .cashRunway, .interestCoverage, .systemLiquidity: .below
        }
    }

    /// The default threshold: a 20% de-rating, 12 months of runway, 2× coverage (the bottom of
    /// speculative grade), 4 years of revenue in backlog, 10% of revenue vendor-financed, liquidity
    /// 10% below its opening level.
    public var defaultThreshold: Double {
        switch self {
        case .fundingSqueeze: 0.2
        case .cashRunway: 12
        case .interestCoverage: 2
        case .backlogMultiple: 4
        case .vendorFinancedRevenue: 0.1
        case .systemLiquidity: 0.9
        }
    }

    /// The unit values are read in: `share`, `months`, `x`, `years`, `index`.
    public var unit: String {
        switch self {
        case .fundingSqueeze, .vendorFinancedRevenue: "share"
        case .cashRunway: "months"
        case .interestCoverage: "x"
        case .backlogMultiple: "years"
        case .systemLiquidity: "index"
        }
    }

    /// True when `value` is on the alerting side of `threshold`.
    public func breaches(_ value: Double, threshold: Double) -> Bool {
        switch direction {
        case .above: value > threshold
        case .below: value < threshold
        }
    }

    /// The indicator with this name, if any.
    public init?(name: String) { self.init(rawValue: name) }
}
