/// The series of a run, recorded period by period into flat arrays `[period * count + index]`.
struct RunRecorder: Sendable {
    let entities: Int, markets: Int, periods: Int
    var cash: [Double], revenue: [Double], debt: [Double], marketValue: [Double], backlog: [Double]
    var capacity: [Double], stranded: [Double], capex: [Double], newDebt: [Double], interest: [Double], cashFlow: [Double]
    var creditSpread: [Double]
    var price: [Double], sales: [Double], impact: [Double]
    var policyRate: [Double], liquidity: [Double], sentiment: [Double], premium: [Double], index: [Double]
    /// The largest relative imbalance seen.
    var maxImbalance = 0.0

    init(entities: Int, markets: Int, periods: Int) {
        self.entities = entities
        self.markets = markets
        self.periods = periods
        let e = [Double](repeating: 0, count: entities * (periods + 1))
        let m = [Double](repeating: 0, count: markets * (periods + 1))
        let t = [Double](repeating: 0, count: periods + 1)
        cash = e
        revenue = e
        debt = e
        marketValue = e
        backlog = e
        capacity = e
        stranded = e
        capex = e
        newDebt = e
        interest = e
        cashFlow = e
        creditSpread = e
        price = m
        sales = m
        impact = m
        policyRate = t
        liquidity = t
        sentiment = t
        premium = t
        index = t
    }

    /// The series `values` of entity `e` over periods 0 … T.
    func series(_ values: [Double], _ e: Int) -> [Double] {
        (0...periods).map { values[$0 * entities + e] }
    }

    /// The series `values` of market `m` over periods 0 … T.
    func marketSeries(_ values: [Double], _ m: Int) -> [Double] {
        (0...periods).map { values[$0 * markets + m] }
    }
}
