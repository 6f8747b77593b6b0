/// Traded assets (M7, M10, M11), structure of arrays indexed by market.
///
/// A listed equity's market value is `V_0 × (F_t/F_0) × exp(−duration × (k_t − k_0)) × S_t^s ×
/// L_t^(liquidity_beta × e) × impact_t × distress_t`, with `F = legacy value + backlog_weight × backlog +
/// narrative + equity raised`; its price is that value over the units outstanding. Crypto and
/// baskets keep `F` constant; crypto shocks multiply the price.
struct MarketBook: Sendable {
    /// Ids, kinds.
    var ids: [String] = [], kind: [MarketSpec.Kind] = []
    /// `price of ID`, the variable named when a revaluation is not a finite number.
    var priceLabel: [String] = []
    /// The issuing entity of an equity (-1 for crypto and baskets).
    var issuer: [Int] = []
    /// The entity booked as the issuer in the ledger (baskets: other listed firms; crypto: none, -1).
    var ledgerIssuer: [Int] = []
    /// Units outstanding now and at the opening.
    var units: [Double] = [], openingUnits: [Double] = []
    /// Price now, at the end of the previous period, and at the opening.
    var price: [Double] = [], previousPrice: [Double] = [], openingPrice: [Double] = []
    /// Duration (years), reflexivity, depth (USD) and the liquidity elasticity of depth.
    var duration: [Double] = [], reflexivity: [Double] = [], depth: [Double] = [], liquidityBeta: [Double] = []
    /// Expected value at the opening and the part not explained by backlog.
    var openingExpected: [Double] = [], legacyValue: [Double] = []
    /// Announcement narrative (USD of expected value), deal value announced this period, equity raised since the opening (USD).
    var narrative: [Double] = [], announced: [Double] = [], equityRaised: [Double] = []
    /// Price-impact factor (1 = none); forced sales since the last repricing, and those the last
    /// repricing took into the impact factor (USD, recorded as the period's forced sales).
    var impact: [Double] = [], sales: [Double] = [], salesAtRepricing: [Double] = []
    /// Accumulated crypto shocks (a price multiplier).
    var shockFactor: [Double] = []
    /// Accumulated DebtRank distress of the issuer (a price multiplier, M11).
    var distressFactor: [Double] = []
    /// Whether the issuer has defaulted (its price is pinned near zero).
    var issuerDefaulted: [Bool] = []

    /// The number of markets.
    var count: Int { ids.count }

    /// The liquidation rank of market `m`: crypto first, then baskets, then listed equity (M10).
    func liquidationRank(_ m: Int) -> Int {
        switch kind[m] {
        case .crypto: 0
        case .basket: 1
        case .equity: 2
        }
    }

    /// The market value of market `m` now.
    func marketValue(_ m: Int) -> Double { units[m] * price[m] }
}
