/// Step 9, margin calls on pledged shares (M11): the loan-to-value is the loan over the pledged
/// units at today's price; above `margin_call_ltv` the insider pays down with cash, then sells
/// pledged shares (price impact on that stock: next period's contagion) until the target is met.
/// When even selling every pledged share cannot cover the loan, the pledge defaults and the bank
/// writes off the rest. With M11 off there are no margin calls.
extension Simulator {
    /// Checks every pledge and meets the calls.
    mutating func callMargins() throws(EngineError) {
        for k in 0..<deals.pledges.count {
            if deals.pledges.state[k] == .pending, deals.pledges.signed[k] <= t,
                deals.debt.state[deals.pledges.loan[k]] == .active
            {
                deals.pledges.state[k] = .active
            }
            guard on.contagion, deals.pledges.state[k] == .active else { continue }
            let insider = deals.pledges.insider[k]
            let bank = deals.pledges.bank[k]
            let m = deals.pledges.market[k]
            let loanPosition = deals.pledges.loan[k]
            guard alive(insider), deals.debt.principal[loanPosition] > 0 else { continue }
            let loan = deals.debt.principal[loanPosition]
            let value = deals.pledges.units[k] * markets.price[m]
            let ltv = value > 0 ? loan / value : .infinity
            guard ltv > deals.pledges.marginLTV[k] else { continue }
            let target = deals.pledges.targetLTV[k]
            let id = layout.dealIDs[deals.pledges.deal[k]]
            var shortfall = loan - target * value
            log.add(
                .marginCall, period: t, entity: insider, counterparty: bank, deal: id, amount: shortfall,
                cause: .marginCall(market: markets.ids[m], price: markets.price[m], loanToValue: ltv, threshold: deals.pledges.marginLTV[k]))
            let fromCash = min(shortfall, spendable(insider))
            try repayPrincipal(loanPosition, amount: fromCash)
            shortfall -= fromCash
            guard shortfall > 1e-6 else { continue }
            try liquidatePledge(k, shortfall: shortfall)
        }
    }

    /// Sells pledged shares until the loan-to-value is back at target, or all of them and defaults the pledge.
    private mutating func liquidatePledge(_ k: Int, shortfall: Double) throws(EngineError) {
        let insider = deals.pledges.insider[k]
        let bank = deals.pledges.bank[k]
        let m = deals.pledges.market[k]
        let loanPosition = deals.pledges.loan[k]
        let position = positions.listed(market: m, issuer: markets.ledgerIssuer[m], holder: insider)
        let pledged = min(deals.pledges.units[k], positions.units[position])
        let target = deals.pledges.targetLTV[k]
        let loan = deals.debt.principal[loanPosition]
        let mark = markets.price[m]
        // Units q such that (loan − q·x) / ((u − q)·P) = target, x the execution price.
        var units = pledged
        var execution = executionPrice(selling: pledged, in: m)
        for _ in 0..<6 {
            let denominator = execution - target * mark
            guard denominator > 0 else {
                units = pledged
                break
            }
            units = min(pledged, max(0, (loan - target * pledged * mark) / denominator))
            execution = executionPrice(selling: units, in: m)
        }
        let proceeds = try sell(
            position: position, units: units, price: execution,
            reason: .marginCall(deal: layout.dealIDs[deals.pledges.deal[k]]))
        deals.pledges.units[k] -= units
        try repayPrincipal(loanPosition, amount: min(proceeds, deals.debt.principal[loanPosition]))
        guard units >= pledged * (1 - 1e-12), deals.debt.principal[loanPosition] > 1e-6 else { return }
        let loss = deals.debt.principal[loanPosition]
        let id = layout.dealIDs[deals.pledges.deal[k]]
        try books.revalue(holder: bank, issuer: insider, books.chart.loans, amount: -loss, variable: "pledge write-off")
        deals.debt.principal[loanPosition] = 0
        deals.debt.state[loanPosition] = .failed
        deals.pledges.state[k] = .failed
        log.add(
            .default, period: t, entity: insider, counterparty: bank, deal: id, amount: loss,
            cause: .pledgeDefaulted(insider: table.names[insider], deal: id, unpaid: loss, shortfall: shortfall))
        log.add(
            .loss, period: t, entity: bank, counterparty: insider, deal: id, amount: loss,
            cause: .pledgeWrittenOff(bank: table.names[bank], loss: loss, insider: table.names[insider]))
    }
}
