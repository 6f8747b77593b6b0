internal import OuroborosCore

/// Step 4, endogenous venture rounds (M6): a lab or wrapper whose runway falls below
/// `runway_trigger_months` (or that cannot pay this period's bills) raises `round_months` of burn
/// × sentiment^elasticity from venture and sovereign investors, pro rata to the cash each will
/// deploy (`deploy_share`), at last valuation × sentiment × revenue growth. Below
/// `fail_sentiment`, or with no investor cash, the round fails.
extension Simulator {
    /// Raises the rounds that runways call for, given what is due this period and the burn (`dues`).
    mutating func raiseRounds(_ dues: Obligations) throws(EngineError) {
        for e in table.labsAndWrappers where alive(e) {
            let available = cash(e)
            let shortfall = max(0, dues.due[e] - available)
            let runway = dues.burn[e] > 0 ? available / dues.burn[e] : .infinity
            guard runway < p.runwayTriggerMonths[e] || shortfall > 0, t >= firms.nextRoundPeriod[e] else { continue }
            let elasticity = on.subsidy ? p.roundElasticity[e] : 0
            let size = max(p.roundMonths[e] * dues.burn[e] * Math.pow(macro.sentiment, elasticity), shortfall)
            guard size > 0 else { continue }
            period.fundingSought += size
            let retry = t + steps(months: p.roundRetryMonths[e])
            if on.subsidy, macro.sentiment < p.failSentiment[e] {
                firms.nextRoundPeriod[e] = retry
                log.add(
                    .failedRound, period: t, entity: e, amount: size,
                    cause: .roundFailedOnSentiment(
                        entity: table.names[e], sought: size, runwayMonths: runway, sentiment: macro.sentiment, threshold: p.failSentiment[e]))
                continue
            }
            var pool = 0.0
            for investor in table.investors where alive(investor) { pool += spendable(investor) * max(0, p.deployShare[investor]) }
            guard pool >= 1 else {
                firms.nextRoundPeriod[e] = retry
                log.add(
                    .failedRound, period: t, entity: e, amount: size,
                    cause: .roundFailedForWantOfInvestors(entity: table.names[e], sought: size))
                continue
            }
            let raised = min(size, pool)
            for investor in table.investors where alive(investor) {
                let part = raised * spendable(investor) * max(0, p.deployShare[investor]) / pool
                if part > 0 { try buyEquity(investor: investor, investee: e, amount: part) }
            }
            let runRate = books.revenue[e] / dt
            let growth = firms.lastRoundRevenue[e] > 0 ? min(4, max(0.25, runRate / firms.lastRoundRevenue[e])) : 1
            let pre =
                firms.lastRoundValuation[e] > 0
                ? firms.lastRoundValuation[e] * macro.sentiment * growth
                : max(p.valuationRevenueMultiple[e] * runRate, 4 * raised)
            firms.lastRoundValuation[e] = pre + raised
            firms.lastRoundRevenue[e] = runRate
            firms.nextRoundPeriod[e] = t + 1
            log.add(
                .roundRaised, period: t, entity: e, amount: raised,
                cause: .roundRaised(entity: table.names[e], raised: raised, postMoney: pre + raised, runwayMonths: runway))
        }
    }
}
