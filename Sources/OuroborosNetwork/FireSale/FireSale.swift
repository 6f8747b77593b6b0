import OuroborosCore

/// Leverage-targeting fire sales (Greenwood, Landier & Thesmar 2015, iterated to a fixed point) with linear or exponential price impact.
///
/// Rule, per round: every holder b marks its holdings to the current prices, E_b = Σ_a u_ba p_a − D_b;
/// to restore its initial leverage λ_b = D_b/E_b (at price 1) it sells assets worth S_b = max(0, D_b − λ_b E_b)
/// (= λ_b × its loss since the last round), pro rata to the market value of its holdings, at the current
/// prices, and repays debt with the proceeds. A holder with E_b ≤ 0 is insolvent and sells everything.
/// The round's total units sold Q_a then move prices by ``PriceImpact``; rounds repeat until no price
/// moves by more than `tolerance` (1e-12) or `maxRounds` is reached.
public enum FireSale {
    /// Runs the cascade after asset `shockedAsset` loses the fraction `drop` ∈ [0, 1] of its price; `holdings[b][a]` ≥ 0 are units at price 1,
    /// `debt[b]` ≥ 0 with Σ holdings − debt > 0, `impact[a]` ≥ 0.
    public static func run(
        holdings: [[Double]],
        debt: [Double],
        impact: [Double],
        shockedAsset: Int,
        drop: Double,
        priceImpact: PriceImpact = .linear,
        tolerance: Double = 1e-12,
        maxRounds: Int = 10_000
    ) throws(FireSaleError) -> FireSaleResult {
        let holders = holdings.count
        let assets = holdings.first?.count ?? impact.count
        for (b, row) in holdings.enumerated() {
            guard row.count == assets else { throw .shapeMismatch(name: "holdings[\(b)]", count: row.count, expected: assets) }
            for (a, value) in row.enumerated() where !(value.isFinite && value >= 0) {
                throw .invalidHolding(holder: b, asset: a, value: value)
            }
        }
        guard debt.count == holders else { throw .shapeMismatch(name: "debt", count: debt.count, expected: holders) }
        guard impact.count == assets else { throw .shapeMismatch(name: "impact", count: impact.count, expected: assets) }
        for (a, value) in impact.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidImpact(asset: a, value: value)
        }
        guard shockedAsset >= 0, shockedAsset < assets, drop >= 0, drop <= 1 else {
            throw .invalidShock(asset: shockedAsset, drop: drop)
        }
        guard tolerance.isFinite, tolerance > 0, maxRounds > 0 else {
            throw .invalidSettings(tolerance: tolerance, maxRounds: maxRounds)
        }
        var equity0 = [Double](repeating: 0, count: holders)
        for b in 0..<holders {
            let equity = holdings[b].reduce(0, +) - debt[b]
            guard debt[b].isFinite, debt[b] >= 0, equity > 0 else {
                throw .invalidBalanceSheet(holder: b, debt: debt[b], equity: equity)
            }
            equity0[b] = equity
        }
        let leverage = (0..<holders).map { debt[$0] / equity0[$0] }

        var units = holdings
        var owed = debt
        var shocked = [Double](repeating: 1, count: assets)
        shocked[shockedAsset] = 1 - drop
        var sold = [Double](repeating: 0, count: assets)
        var prices = shocked

        func equity(_ b: Int) -> Double {
            var value = 0.0
            for a in 0..<assets { value += units[b][a] * prices[a] }
            return value - owed[b]
        }
        let directLosses = (0..<holders).map { min(equity0[$0], max(0, equity0[$0] - equity($0))) }

        var rounds = 0
        var converged = false
        while rounds < maxRounds {
            var unitsSold = [Double](repeating: 0, count: assets)
            var anySale = false
            for b in 0..<holders {
                var value = 0.0
                for a in 0..<assets { value += units[b][a] * prices[a] }
                guard value > 0 else { continue }
                let e = value - owed[b]
                let sale = e <= 0 ? value : min(value, max(0, owed[b] - leverage[b] * e))
                guard sale > 0 else { continue }
                let fraction = sale / value
                for a in 0..<assets {
                    let q = units[b][a] * fraction
                    unitsSold[a] += q
                    units[b][a] -= q
                }
                owed[b] = max(0, owed[b] - sale)
                anySale = true
            }
            if !anySale {
                converged = true
                break
            }
            rounds += 1
            var move = 0.0
            for a in 0..<assets {
                sold[a] += unitsSold[a]
                let price: Double
                switch priceImpact {
                case .linear: price = max(0, shocked[a] - impact[a] * sold[a])
                case .exponential: price = shocked[a] * Math.exp(-impact[a] * sold[a])
                }
                move = max(move, abs(price - prices[a]))
                prices[a] = price
            }
            if move <= tolerance {
                converged = true
                break
            }
        }
        var losses = [Double](repeating: 0, count: holders)
        var insolvent = [Bool](repeating: false, count: holders)
        for b in 0..<holders {
            let e = equity(b)
            insolvent[b] = e <= 0
            losses[b] = min(equity0[b], max(0, equity0[b] - e))
        }
        return FireSaleResult(
            prices: prices, holdings: units, debt: owed, initialEquity: equity0, losses: losses,
            directLosses: directLosses, insolvent: insolvent, rounds: rounds, converged: converged)
    }
}
