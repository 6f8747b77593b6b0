/// Hedge-fund redemptions (M10): after a losing period, investors redeem `redemption_beta` ×
/// the loss rate × assets; the fund pays from cash and sells assets in liquidation order for the
/// rest. With M10 off it pays only what its cash allows (the rest is gated).
extension Simulator {
    /// Each hedge fund's portfolio value: cash plus positions at their ledger value.
    @inline(__always) func portfolioValue(_ e: Int) -> Double {
        var value = max(0, cash(e))
        for k in 0..<positions.count where positions.holder[k] == e { value += positions.book[k] }
        return value
    }

    /// Pays the period's redemptions.
    mutating func redeemHedgeFunds() throws(EngineError) {
        for fund in table.hedgeFunds where alive(fund) {
            let value = portfolioValue(fund)
            let previous = firms.hedgeValue[fund]
            defer { firms.hedgeValue[fund] = portfolioValue(fund) }
            guard previous > 0 else { continue }
            let loss = max(0, 1 - value / previous)
            let redemption = p.redemptionBeta[fund] * loss * value
            guard redemption > 1 else { continue }
            if cash(fund) < redemption {
                _ = try sellAssets(fund, amount: redemption - max(0, cash(fund)), reason: .redemptions)
            }
            let paid = min(redemption, max(0, cash(fund)))
            try books.acquire(holder: table.households, issuer: fund, books.chart.equity, amount: -paid, variable: "redemptions")
            log.add(
                .redemption, period: t, entity: fund, amount: paid,
                cause: .redemption(fund: table.names[fund], paid: paid, loss: loss))
        }
    }
}
