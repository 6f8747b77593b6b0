/// The outcome of a fire-sale cascade: prices, positions and equity losses after the last round.
public struct FireSaleResult: Sendable, Equatable {
    /// Final price of each asset (1 before the shock), in [0, 1].
    public let prices: [Double]
    /// Final units held, holder × asset (never negative).
    public let holdings: [[Double]]
    /// Final debt of each holder (initial debt minus sale proceeds, ≥ 0).
    public let debt: [Double]
    /// Initial equity of each holder, Σ holdings − debt at price 1.
    public let initialEquity: [Double]
    /// Equity lost by each holder, capped at its initial equity (losses beyond it fall on creditors).
    public let losses: [Double]
    /// Equity lost by each holder to the initial shock alone (round 0, before any sale), capped at its equity.
    public let directLosses: [Double]
    /// True for a holder whose equity reached 0 (it then liquidates everything).
    public let insolvent: [Bool]
    /// Selling rounds run (0 when the shock triggers no sale).
    public let rounds: Int
    /// True when the last round moved no price by more than the tolerance (false: stopped at `maxRounds`).
    public let converged: Bool

    /// Aggregate vulnerability: total equity lost / total initial equity, in [0, 1], initial shock included.
    public var aggregateVulnerability: Double {
        losses.reduce(0, +) / initialEquity.reduce(0, +)
    }

    /// Indirect vulnerability (Greenwood–Landier–Thesmar): equity lost to deleveraging alone / total initial equity.
    public var indirectVulnerability: Double {
        (losses.reduce(0, +) - directLosses.reduce(0, +)) / initialEquity.reduce(0, +)
    }

    /// A result from its parts (no checks; ``FireSale`` builds these).
    public init(
        prices: [Double], holdings: [[Double]], debt: [Double], initialEquity: [Double], losses: [Double],
        directLosses: [Double], insolvent: [Bool], rounds: Int, converged: Bool
    ) {
        self.prices = prices
        self.holdings = holdings
        self.debt = debt
        self.initialEquity = initialEquity
        self.losses = losses
        self.directLosses = directLosses
        self.insolvent = insolvent
        self.rounds = rounds
        self.converged = converged
    }
}
