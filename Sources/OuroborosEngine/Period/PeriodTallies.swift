/// What the open period adds up, per entity, reset once when the period begins: capex, new
/// debt, interest and operating cash flow (recorded), AI revenue (read by the clouds' costs), the
/// external funding sought (next period's capital competition) and the entities that defaulted
/// (cleared together at the end of the period).
struct PeriodTallies: Sendable {
    /// Capital expenditure paid, new debt raised, interest paid, operating cash flow, USD.
    var capex: [Double], newDebt: [Double], interestPaid: [Double], operatingCashFlow: [Double]
    /// Compute revenue each seller recognised (M3).
    var aiRevenue: [Double]
    /// External funding sought by AI firms (M9).
    var fundingSought = 0.0
    /// Entities that defaulted, awaiting clearing (M11).
    var defaulters: [Int] = []

    /// Tallies for `count` entities, all zero.
    init(count: Int) {
        let zeros = [Double](repeating: 0, count: count)
        capex = zeros
        newDebt = zeros
        interestPaid = zeros
        operatingCashFlow = zeros
        aiRevenue = zeros
        defaulters.reserveCapacity(8)
    }

    /// Zeroes everything for a new period (the tallies' only reset).
    mutating func reset() {
        for e in capex.indices {
            capex[e] = 0
            newDebt[e] = 0
            interestPaid[e] = 0
            operatingCashFlow[e] = 0
            aiRevenue[e] = 0
        }
        fundingSought = 0
        defaulters.removeAll(keepingCapacity: true)
    }
}
