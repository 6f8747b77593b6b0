public import OuroborosCore

/// A traded asset: a listed equity, crypto, or a basket (e.g. SaaS stocks).
public struct MarketSpec: Sendable {
    /// What kind of asset.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Shares of an entity in the scenario.
        case equity
        /// Crypto: no cash flow, the most liquidity-sensitive asset.
        case crypto
        /// A basket of other listed stocks (e.g. SaaS) held by investors.
        case basket
    }

    /// Id, e.g. `nvidia` for Nvidia's shares, `crypto`.
    public var id: String
    /// Equity, crypto or basket.
    public var kind: Kind
    /// For equity: the issuing entity's id.
    public var issuer: String?
    /// Units outstanding (shares, coins).
    public var units: Double
    /// Opening price per unit, USD.
    public var price: Double
    /// Duration in years: how far price moves per unit change of the discount rate.
    public var duration: Double
    /// Reflexivity: price response to announced deal value relative to market value.
    public var reflexivity: Double
    /// Market depth at baseline liquidity, USD of sales that move the price by about 1/e.
    public var depth: Double
    /// Elasticity of depth to liquidity (crypto highest).
    public var liquidityBeta: Double
    /// Holdings: entity id → units held (the rest is held by the wider public, `end users`).
    public var holders: [(entity: String, units: Double)]
    /// Where it is written.
    public var location: SourceLocation?

    /// Creates a market.
    public init(
        id: String, kind: Kind, issuer: String? = nil, units: Double, price: Double, duration: Double,
        reflexivity: Double = 0, depth: Double, liquidityBeta: Double = 1,
        holders: [(entity: String, units: Double)] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.issuer = issuer
        self.units = units
        self.price = price
        self.duration = duration
        self.reflexivity = reflexivity
        self.depth = depth
        self.liquidityBeta = liquidityBeta
        self.holders = holders
        self.location = location
    }
}
