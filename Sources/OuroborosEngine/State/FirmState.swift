/// What each entity carries from one period to the next besides its books: whether it has
/// defaulted, its backlog, its private valuation, when it may raise again, its run rates.
struct FirmState: Sendable {
    /// Whether the entity has defaulted, and in which period (-1: never).
    var defaulted: [Bool]
    var defaultPeriod: [Int]
    /// Remaining performance obligations (compute contracts, chip orders), USD (M3).
    var backlog: [Double]
    /// Private valuations: the last round's post-money, the revenue run rate and sentiment then, and today's mark (M6, M7).
    var lastRoundValuation: [Double], lastRoundRevenue: [Double], lastRoundSentiment: [Double], privateMark: [Double]
    /// The period of the last round (0: the opening valuation).
    var lastRoundPeriod: [Int]
    /// Labs' and wrappers' annual revenue run rate in the last completed period (prices rounds, M6).
    var revenueRunRate: [Double]
    /// The first period in which a lab or wrapper may try another round.
    var nextRoundPeriod: [Int]
    /// Operating cash flow run rate per year, a moving average (bond capacity, M4).
    var operatingCashFlowRunRate: [Double]
    /// Private-credit funds' uncalled commitments (dry powder).
    var uncalled: [Double]
    /// Banks' loans at the opening (the multiplier bound counts growth from here, M9).
    var openingBankLoans: [Double]
    /// Hedge funds' portfolio value at the end of the previous period (M10).
    var hedgeValue: [Double]
    /// Venture funds' net asset value after the previous period's LP inflows, and the capital base LP commitments scale with (M6).
    var fundValue: [Double], lpBase: [Double]
    /// Credit funds' queued redemption requests and loan losses not yet passed to their investors (M10).
    var redemptionQueue: [Double], creditLosses: [Double]
    /// The shortest cash runway (months) each network firm had, and when (the weakest link).
    var runwayMin: [Double], runwayMinPeriod: [Int]

    /// The state of `count` entities at the opening, before balances are seeded.
    init(count n: Int, operatingCashFlowRunRate: [Double], dryPowder: [Double]) {
        let zeros = [Double](repeating: 0, count: n)
        defaulted = Array(repeating: false, count: n)
        defaultPeriod = Array(repeating: -1, count: n)
        backlog = zeros
        lastRoundValuation = zeros
        lastRoundRevenue = zeros
        lastRoundSentiment = Array(repeating: 1, count: n)
        lastRoundPeriod = Array(repeating: 0, count: n)
        revenueRunRate = zeros
        privateMark = zeros
        nextRoundPeriod = Array(repeating: 1, count: n)
        self.operatingCashFlowRunRate = operatingCashFlowRunRate
        uncalled = dryPowder.map { max(0, $0) }
        openingBankLoans = zeros
        hedgeValue = zeros
        fundValue = zeros
        lpBase = zeros
        redemptionQueue = zeros
        creditLosses = zeros
        runwayMin = Array(repeating: .infinity, count: n)
        runwayMinPeriod = Array(repeating: 0, count: n)
    }

    /// Whether `e` still acts (has not defaulted).
    @inline(__always) func alive(_ e: Int) -> Bool { !defaulted[e] }
}
