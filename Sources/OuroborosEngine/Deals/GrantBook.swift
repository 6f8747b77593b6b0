/// Dated grants that need no counterparty decision: warrant vesting (issuer → holder, no cash) and
/// capex-plan spending (spender → builders and chipmakers), one row per tranche.
struct GrantBook: Sendable {
    /// The deal index.
    var deal: [Int] = []
    /// `from` and `to` of the deal.
    var from: [Int] = [], to: [Int] = []
    /// Due period, amount and GW condition (NaN when none).
    var period: [Int] = [], amount: [Double] = [], conditionGW: [Double] = []
    /// State of each row.
    var state: [DealState] = []
    /// The rows of each `from` entity.
    var byFrom = EntityIndex()

    /// The number of rows.
    var count: Int { deal.count }

    /// Adds a row.
    mutating func add(deal index: Int, from a: Int, to b: Int, _ entry: ScheduledAmount) {
        deal.append(index)
        from.append(a)
        to.append(b)
        period.append(entry.period)
        amount.append(entry.amount)
        conditionGW.append(entry.conditionGW)
        state.append(.pending)
        byFrom.add(deal.count - 1, to: a)
    }
}
