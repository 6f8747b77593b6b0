/// Redemptions and gates at private-credit funds (M10): each period investors ask to redeem
/// `redemption_rate` × net asset value × years, plus `redemption_stress_beta` × NAV × stress, where
/// stress is (1 − sentiment, when below 1) × years plus the share of NAV written off this period;
/// requests not met stay queued. The fund pays them from cash above `min_cash`, at most `redemption_gate` × NAV
/// a year (the 5%-a-quarter gate of the semi-liquid vehicles, 20% a year); the rest is gated
/// (the record: Blue Owl's OBDC II, Apollo's 45% and 5% caps, BCRED in 2026). Cash paid out is
/// cash the fund cannot lend. `redemption_rate` and `redemption_stress_beta` 0 switch it off.
extension Simulator {
    /// A credit fund's net asset value: its cash and the principal it has lent.
    func creditFundNAV(_ fund: Int) -> Double {
        var value = max(0, cash(fund))
        for d in deals.debt.byLender[fund] where deals.debt.state[d] == .active { value += deals.debt.principal[d] }
        return value
    }

    /// Pays the period's redemptions of every credit fund, within its gate.
    mutating func redeemCreditFunds() throws(EngineError) {
        for fund in table.creditFunds where alive(fund) {
            let nav = creditFundNAV(fund)
            guard nav > 0 else { continue }
            // Stress: sentiment below 1 (a rate a year) and the share of NAV lost to write-offs this period.
            let lossShare = firms.creditLosses[fund] / (nav + firms.creditLosses[fund])
            firms.creditLosses[fund] = 0
            let stress = max(0, 1 - macro.sentiment) * dt + lossShare
            let asked = nav * (max(0, p.redemptionRate[fund]) * dt + max(0, p.redemptionStressBeta[fund]) * stress)
            firms.redemptionQueue[fund] += asked
            let requested = firms.redemptionQueue[fund]
            guard requested > 1 else { continue }
            let gate = max(0, p.redemptionGate[fund]) * nav * dt
            let paid = min(requested, gate, max(0, cash(fund) - max(0, p.minCash[fund])))
            if paid > 0 {
                try books.acquire(holder: table.households, issuer: fund, books.chart.equity, amount: -paid, variable: "redemptions")
            }
            firms.redemptionQueue[fund] -= paid
            let gated = requested - paid
            log.add(
                gated > 1 ? .redemptionGated : .redemption, period: t, entity: fund, counterparty: table.households, amount: paid,
                cause: .creditFundRedemption(fund: table.names[fund], requested: requested, paid: paid, gated: gated))
        }
    }
}
