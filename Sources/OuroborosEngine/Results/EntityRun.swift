public import OuroborosCore

/// The path of one entity through a run: one value per period 0 … T for each series.
public struct EntityRun: Sendable {
    /// The entity's id, e.g. `openai`.
    public var id: String
    /// Display name.
    public var name: String
    /// Its sector.
    public var sector: Sector
    /// Bank deposits at the end of each period.
    public var cash: [Double]
    /// Revenue received in each period (end users, compute, chips, API fees, backstops, legacy business).
    public var revenue: [Double]
    /// Debt outstanding (bonds, bank loans, private credit, vendor and pledge loans) at the end of each period.
    public var debt: [Double]
    /// Market capitalisation (listed), last-round valuation × sentiment (private), else net worth.
    public var marketValue: [Double]
    /// Remaining performance obligations: compute contracts (clouds) and open chip orders (chipmakers).
    public var backlog: [Double]
    /// Energised compute capacity, GW.
    public var capacityGW: [Double]
    /// Built capacity that is ready but has no power, GW (M5).
    public var strandedGW: [Double]
    /// Capital expenditure paid in each period (chips and construction).
    public var capex: [Double]
    /// New debt raised in each period (bonds, bank loans, private credit).
    public var newDebt: [Double]
    /// Interest paid in each period.
    public var interest: [Double]
    /// Operating cash flow in each period (revenue less operating costs).
    public var operatingCashFlow: [Double]
    /// The spread over the policy rate a new floating bank loan to the entity paid in each period: its
    /// `loan_spread` plus its credit add-on (M4, `CreditPricing`); period 0 is the base spread.
    public var creditSpread: [Double]
    /// Where the run's revenue came from (M2 funds tracing).
    public var revenueOrigin: RevenueOrigin
    /// The period in which the entity defaulted, if it did.
    public var defaultPeriod: Int?

    /// Creates an entity run.
    public init(
        id: String, name: String, sector: Sector, cash: [Double], revenue: [Double], debt: [Double],
        marketValue: [Double], backlog: [Double], capacityGW: [Double], strandedGW: [Double],
        capex: [Double], newDebt: [Double], interest: [Double], operatingCashFlow: [Double], creditSpread: [Double] = [],
        revenueOrigin: RevenueOrigin, defaultPeriod: Int?
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.cash = cash
        self.revenue = revenue
        self.debt = debt
        self.marketValue = marketValue
        self.backlog = backlog
        self.capacityGW = capacityGW
        self.strandedGW = strandedGW
        self.capex = capex
        self.newDebt = newDebt
        self.interest = interest
        self.operatingCashFlow = operatingCashFlow
        self.creditSpread = creditSpread
        self.revenueOrigin = revenueOrigin
        self.defaultPeriod = defaultPeriod
    }

    /// Share of the run's capex financed with new debt (M4), 0 without capex.
    public var debtShareOfCapex: Double {
        let spent = capex.reduce(0, +)
        return spent > 0 ? min(1, newDebt.reduce(0, +) / spent) : 0
    }

    /// Interest paid over operating cash flow across the run (M4), 0 without positive cash flow.
    public var interestBurden: Double {
        let flow = operatingCashFlow.reduce(0, +)
        return flow > 0 ? interest.reduce(0, +) / flow : 0
    }

    /// Operating cash flow over interest in each period (infinite when no interest is due).
    public var interestCoverage: [Double] {
        zip(operatingCashFlow, interest).map { flow, paid in paid > 0 ? flow / paid : .infinity }
    }
}
