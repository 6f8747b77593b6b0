/// Equity commitments (M1): one row per tranche of an `equity_investment` deal, paid investor →
/// investee when due and, for conditional tranches, once the investee has the GW energised.
struct EquityTrancheBook: Sendable {
    /// The deal index.
    var deal: [Int] = []
    /// Investor and investee.
    var investor: [Int] = [], investee: [Int] = []
    /// Due period, amount and GW condition (NaN when none).
    var period: [Int] = [], amount: [Double] = [], conditionGW: [Double] = []
    /// State of each tranche.
    var state: [DealState] = []

    /// The number of tranches.
    var count: Int { deal.count }

    /// Adds a tranche.
    mutating func add(deal index: Int, investor from: Int, investee to: Int, _ entry: ScheduledAmount) {
        deal.append(index)
        investor.append(from)
        investee.append(to)
        period.append(entry.period)
        amount.append(entry.amount)
        conditionGW.append(entry.conditionGW)
        state.append(.pending)
    }
}
