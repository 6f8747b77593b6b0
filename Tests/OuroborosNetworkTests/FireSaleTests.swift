import OuroborosNetwork
import Testing

@Suite("FireSale")
struct FireSaleTests {
    /// Two holders of one asset: A holds 100 with debt 90 (E = 10, λ = 9), B holds 50 with debt 40 (E = 10, λ = 4).
    /// The asset drops 1% (p = 0.99), impact c = 0.001 per unit sold. By hand, round 1: A loses 1 and sells
    /// λ·loss = 9 (debt 90 − 9 = 81, units 9/0.99 = 100/11); B loses 0.5 and sells 4·0.5 = 2 (debt 38,
    /// units 2/0.99 = 200/99); 100/9 units in all, so p = 0.99 − 0.001·100/9.
    static let holdings: [[Double]] = [[100], [50]]
    static let debt: [Double] = [90, 40]

    @Test("two holders, one asset: the first round by hand")
    func firstRoundByHand() throws {
        let result = try FireSale.run(
            holdings: Self.holdings, debt: Self.debt, impact: [0.001], shockedAsset: 0, drop: 0.01, maxRounds: 1)
        #expect(result.rounds == 1)
        #expect(!result.converged)
        #expect(close(result.debt[0], 81, 1e-12))
        #expect(close(result.debt[1], 38, 1e-12))
        #expect(close(result.holdings[0][0], 100 - 100.0 / 11, 1e-12))
        #expect(close(result.holdings[1][0], 50 - 200.0 / 99, 1e-12))
        #expect(close(result.prices[0], 0.99 - 0.001 * 100 / 9, 1e-15))
        #expect(result.initialEquity == [10, 10])
        #expect(close(result.directLosses[0], 1, 1e-12))
        #expect(close(result.directLosses[1], 0.5, 1e-12))
        // Equity after round 1: A = 90.909…·p − 81, B = 47.979…·p − 38.
        let p = 0.99 - 0.001 * 100 / 9
        #expect(close(result.losses[0], 10 - ((100 - 100.0 / 11) * p - 81), 1e-12))
        #expect(close(result.losses[1], 10 - ((50 - 200.0 / 99) * p - 38), 1e-12))
    }

    @Test("two holders, one asset: the fixed point restores leverage and prices match total sales")
    func fixedPoint() throws {
        for impact in [PriceImpact.linear, .exponential] {
            let result = try FireSale.run(
                holdings: Self.holdings, debt: Self.debt, impact: [0.001], shockedAsset: 0, drop: 0.01,
                priceImpact: impact)
            #expect(result.converged)
            let sold = 150 - result.holdings[0][0] - result.holdings[1][0]
            let expectedPrice: Double
            switch impact {
            case .linear: expectedPrice = 0.99 - 0.001 * sold
            case .exponential: expectedPrice = 0.99 * exponentialReference(-0.001 * sold)
            }
            #expect(close(result.prices[0], expectedPrice, 1e-12))
            for (b, target) in [9.0, 4.0].enumerated() {
                let equity = result.holdings[b][0] * result.prices[0] - result.debt[b]
                #expect(close(result.debt[b] / equity, target, 1e-8))
                #expect(result.losses[b] > result.directLosses[b])
                #expect(result.losses[b] <= result.initialEquity[b])
            }
            #expect(result.aggregateVulnerability > 0.075 && result.aggregateVulnerability < 1)
            #expect(close(result.aggregateVulnerability - result.indirectVulnerability, 1.5 / 20, 1e-12))
        }
    }

    @Test("an unlevered holder does not sell: its loss is the shock")
    func unlevered() throws {
        let result = try FireSale.run(holdings: [[40, 60]], debt: [0], impact: [1, 1], shockedAsset: 1, drop: 0.5)
        #expect(result.rounds == 0)
        #expect(result.converged)
        #expect(result.prices == [1, 0.5])
        #expect(result.losses == [30])
        #expect(result.aggregateVulnerability == 0.3)
        #expect(result.indirectVulnerability == 0)
    }

    /// A (λ = 9) loses 20 of its 10 of equity to a 20% drop: insolvent, it dumps all 100 units; with c = 0.001
    /// the price falls to 0.8 − 0.1 = 0.7 and B (which also sells) loses more than its direct 10.
    @Test("an insolvent holder liquidates everything")
    func insolvency() throws {
        let result = try FireSale.run(
            holdings: [[100], [50]], debt: [90, 30], impact: [0.001], shockedAsset: 0, drop: 0.2)
        #expect(result.insolvent[0])
        #expect(result.holdings[0][0] == 0)
        #expect(result.losses[0] == 10)
        #expect(result.losses[1] > 10)
        #expect(result.prices[0] < 0.7)
        #expect(result.aggregateVulnerability <= 1)
    }

    @Test("invalid inputs are rejected")
    func invalidInputs() {
        #expect(throws: FireSaleError.invalidBalanceSheet(holder: 0, debt: 100, equity: 0)) {
            try FireSale.run(holdings: [[100]], debt: [100], impact: [0], shockedAsset: 0, drop: 0.1)
        }
        #expect(throws: FireSaleError.invalidShock(asset: 1, drop: 0.1)) {
            try FireSale.run(holdings: [[100]], debt: [50], impact: [0], shockedAsset: 1, drop: 0.1)
        }
        #expect(throws: FireSaleError.shapeMismatch(name: "impact", count: 2, expected: 1)) {
            try FireSale.run(holdings: [[100]], debt: [50], impact: [0, 0], shockedAsset: 0, drop: 0.1)
        }
    }

    @Test("random portfolios: losses within equity, vulnerability in [0, 1] and rising with the shock", arguments: [1, 2])
    func randomPortfolios(seed: Int) throws {
        var rng = RiskTestRandom(state: UInt64(seed))
        for _ in 0..<100 {
            let holders = 1 + rng.int(5)
            let assets = 1 + rng.int(4)
            let holdings = (0..<holders).map { _ in (0..<assets).map { _ in 100 * rng.unit() } }
            let debt = holdings.map { $0.reduce(0, +) * (0.5 + 0.45 * rng.unit()) }
            let impact = (0..<assets).map { _ in 1e-4 * rng.unit() }
            let asset = rng.int(assets)
            var previous = 0.0
            for drop in [0.0, 0.01, 0.02, 0.05] {
                let result = try FireSale.run(holdings: holdings, debt: debt, impact: impact, shockedAsset: asset, drop: drop)
                #expect(result.converged)
                #expect(result.aggregateVulnerability >= 0 && result.aggregateVulnerability <= 1)
                #expect(result.aggregateVulnerability >= previous - 1e-12)
                for b in 0..<holders { #expect(result.losses[b] <= result.initialEquity[b]) }
                previous = result.aggregateVulnerability
            }
        }
    }
}

/// e^x by a long Taylor series with squaring (test reference, |x| small).
func exponentialReference(_ x: Double) -> Double {
    var term = 1.0
    var sum = 1.0
    let y = x / 1024
    for n in 1...30 {
        term *= y / Double(n)
        sum += term
    }
    for _ in 0..<10 { sum *= sum }
    return sum
}
