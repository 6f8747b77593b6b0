/// The path of one traded asset: its price and the forced sales it absorbed, per period 0 … T.
public struct MarketRun: Sendable {
    /// The market's id.
    public var id: String
    /// Equity, crypto or basket.
    public var kind: MarketSpec.Kind
    /// Price per unit at the end of each period.
    public var price: [Double]
    /// Forced sales (USD at execution prices) in each period (M10, M11).
    public var forcedSales: [Double]
    /// The forced-sale price-impact factor in each period (1 = none).
    public var impact: [Double]

    /// Creates a market run.
    public init(id: String, kind: MarketSpec.Kind, price: [Double], forcedSales: [Double], impact: [Double]) {
        self.id = id
        self.kind = kind
        self.price = price
        self.forcedSales = forcedSales
        self.impact = impact
    }
}
