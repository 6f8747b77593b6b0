/// The macro block's path (M8, M9): one value per period 0 … T.
public struct MacroRun: Sendable {
    /// Policy rate per year, shocks included.
    public var policyRate: [Double]
    /// Liquidity index (1 = opening level), shocks included.
    public var liquidity: [Double]
    /// Market sentiment (1 = neutral).
    public var sentiment: [Double]
    /// Equity risk premium per year, liquidity and capital competition included.
    public var riskPremium: [Double]
    /// The AI equity index (value-weighted listed equity, 1 at the opening).
    public var aiEquityIndex: [Double]

    /// Creates a macro run.
    public init(policyRate: [Double], liquidity: [Double], sentiment: [Double], riskPremium: [Double], aiEquityIndex: [Double]) {
        self.policyRate = policyRate
        self.liquidity = liquidity
        self.sentiment = sentiment
        self.riskPremium = riskPremium
        self.aiEquityIndex = aiEquityIndex
    }
}
