internal import OuroborosCore

/// Step 4, endogenous venture rounds (M6): a lab or wrapper whose runway (cash over its monthly
/// burn: bills less revenue, plus the chips and construction it has committed to within
/// `round_months`, `CommittedCapex`) falls below
/// `runway_trigger_months` (or that cannot pay this period's bills) raises `round_months` of burn
/// × sentiment^elasticity from venture and sovereign investors, pro rata to the cash each will
/// deploy (`deploy_share`), priced at the private mark (`PrivateValuation`: revenue × a bounded,
/// sentiment-moved multiple; at least four times the money raised). Below
/// `fail_sentiment`, or with no investor cash, the round fails.
extension Simulator {
    /// Raises the rounds that runways call for, given what is due this period and the burn (`dues`).
    mutating func raiseRounds(_ dues: Obligations) throws(EngineError) {
        for e in table.labsAndWrappers where alive(e) {
            let available = cash(e)
            let shortfall = max(0, dues.due[e] - available)
            let burn = dues.burn[e] + committedCapexPerMonth(e, months: p.roundMonths[e])
            let runway = burn > 0 ? available / burn : .infinity
            guard runway < p.runwayTriggerMonths[e] || shortfall > 0, t >= firms.nextRoundPeriod[e] else { continue }
            let elasticity = on.subsidy ? p.roundElasticity[e] : 0
            let size = max(p.roundMonths[e] * burn * Math.pow(macro.sentiment, elasticity), shortfall)
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
            let runRate = firms.revenueRunRate[e]
            let pre = privateValuation(e, runRate: runRate)
            let post = max(pre, 4 * raised) + raised
            let multiple = runRate > 0 ? post / runRate : .nan
            markRound(e, postMoney: post, runRate: runRate)
            firms.nextRoundPeriod[e] = t + 1
            log.add(
                .roundRaised, period: t, entity: e, amount: raised,
                cause: .roundRaised(entity: table.names[e], raised: raised, postMoney: post, multiple: multiple, runwayMonths: runway))
        }
    }
}
