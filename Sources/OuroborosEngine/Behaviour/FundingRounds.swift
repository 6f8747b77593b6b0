/// Step 4, endogenous venture rounds (M6): a lab or wrapper whose runway falls below
/// `runway_trigger_months` (or that cannot pay this period's bills) raises `round_months` of burn
/// × sentiment^elasticity from venture and sovereign investors, pro rata to the cash each will
/// deploy (`deploy_share`), at last valuation × sentiment × revenue growth. Below
/// `fail_sentiment`, or with no investor cash, the round fails.
extension Simulator {
    /// Raises the rounds that runways call for.
    mutating func raiseRounds() throws(EngineError) {
        for e in table.labs + table.wrappers where alive(e) {
            let available = cash(e)
            let shortfall = max(0, due[e] - available)
            let runway = burn[e] > 0 ? available / burn[e] : .infinity
            guard runway < p.runwayTriggerMonths[e] || shortfall > 0, t >= nextRoundPeriod[e] else { continue }
            let elasticity = on.subsidy ? p.roundElasticity[e] : 0
            let size = max(p.roundMonths[e] * burn[e] * Math.pow(sentiment, elasticity), shortfall)
            guard size > 0 else { continue }
            fundingNeed += size
            let retry = t + steps(months: p.roundRetryMonths[e])
            if on.subsidy, sentiment < p.failSentiment[e] {
                nextRoundPeriod[e] = retry
                log.add(
                    .failedRound, period: t, entity: e, amount: size,
                    cause:
                        "\(table.names[e]) sought \(MoneyText.usd(size)) with \(MoneyText.decimal(runway, places: 1)) months of runway but sentiment \(MoneyText.decimal(sentiment, places: 2)) is below \(MoneyText.decimal(p.failSentiment[e], places: 2))"
                )
                continue
            }
            var pool = 0.0
            for investor in table.investors where alive(investor) { pool += spendable(investor) * max(0, p.deployShare[investor]) }
            guard pool >= 1 else {
                nextRoundPeriod[e] = retry
                log.add(
                    .failedRound, period: t, entity: e, amount: size,
                    cause: "\(table.names[e]) sought \(MoneyText.usd(size)) but no venture or sovereign investor has cash to deploy")
                continue
            }
            let raised = min(size, pool)
            for investor in table.investors where alive(investor) {
                let part = raised * spendable(investor) * max(0, p.deployShare[investor]) / pool
                if part > 0 { try buyEquity(investor: investor, investee: e, amount: part) }
            }
            let runRate = books.revenue[e] / dt
            let growth = lastRoundRevenue[e] > 0 ? min(4, max(0.25, runRate / lastRoundRevenue[e])) : 1
            let pre =
                lastRoundValuation[e] > 0
                ? lastRoundValuation[e] * sentiment * growth
                : max(p.valuationRevenueMultiple[e] * runRate, 4 * raised)
            lastRoundValuation[e] = pre + raised
            lastRoundRevenue[e] = runRate
            nextRoundPeriod[e] = t + 1
            log.add(
                .roundRaised, period: t, entity: e, amount: raised,
                cause:
                    "\(table.names[e]) raised \(MoneyText.usd(raised)) at \(MoneyText.usd(pre + raised)) post-money with \(MoneyText.decimal(runway, places: 1)) months of runway left"
            )
        }
    }
}
