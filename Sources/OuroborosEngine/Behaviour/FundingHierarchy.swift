internal import OuroborosCore

/// The funding hierarchy of capex spenders (M4): cash above the buffer first, then bonds (up to
/// `bond_capacity_multiple` × annual operating cash flow, bought by bond investors, fixed at issue at
/// the borrower's spread of the day), then bank loans (as far as banks' headroom allows, M9), then
/// private credit (dry powder × sentiment^beta), both floating at the borrower's spread
/// (`CreditPricing`) and both only up to the borrower's credit limit: the rest is rationed (an
/// event) and stays a shortfall. A credit freeze closes bonds and private credit. With M4 off, any
/// shortfall is met by an unlimited bank loan; with M9 off, banks ignore the credit limit.
extension Simulator {
    /// Raises up to `amount` for `e` down the hierarchy; returns what was raised.
    mutating func fundShortfall(_ e: Int, amount: Double, purpose: String) throws(EngineError) -> Double {
        guard amount > 0, alive(e) else { return 0 }
        if table.roles[e].isAIFirm { period.fundingSought += amount }
        let bank = table.banks.first(where: alive) ?? table.depositBank
        guard on.hierarchy else {
            try lend(
                .bankLoan, lender: bank, borrower: e, amount: amount, spread: p.loanSpread[e],
                years: p.loanMaturityYears[e], purpose: purpose)
            return amount
        }
        var left = amount
        let frozen = layout.shocks.creditFrozen[t]
        // Bonds.
        if !frozen {
            let capacity = p.bondCapacityMultiple[e] * max(0, firms.operatingCashFlowRunRate[e]) - outstanding(e, .bond)
            let issue = min(left, max(0, capacity), max(0, cash(table.bondInvestors)))
            if issue > 1 {
                try lend(
                    .bond, lender: table.bondInvestors, borrower: e, amount: issue, spread: p.bondSpread[e],
                    years: p.bondMaturityYears[e], purpose: purpose)
                left -= issue
            }
        }
        // Bank loans and private credit, within the credit limit.
        guard left > 1 else { return amount - left }
        let check = creditRoom(e)
        var room = check.room
        for b in table.banks where left > 1 && alive(b) {
            let offered = min(left, lendingHeadroom(b))
            let draw = on.multiplier ? min(offered, room) : offered
            if offered - draw > 1 { logRationing(e, lender: b, asked: offered, granted: max(0, draw), check: check) }
            if draw > 1 {
                try lend(
                    .bankLoan, lender: b, borrower: e, amount: draw, spread: p.loanSpread[e],
                    years: p.loanMaturityYears[e], purpose: purpose)
                left -= draw
                room = max(0, room - draw)
            }
        }
        if !frozen {
            for fund in table.creditFunds where left > 1 && alive(fund) {
                let capacity = (spendable(fund) + firms.uncalled[fund]) * Math.pow(macro.sentiment, p.creditSentimentBeta[fund])
                let offered = min(left, capacity)
                let draw = min(offered, room)
                if offered - draw > 1 { logRationing(e, lender: fund, asked: offered, granted: max(0, draw), check: check) }
                guard draw > 1 else { continue }
                try callCapital(fund, amount: draw - spendable(fund))
                try lend(
                    .privateCredit, lender: fund, borrower: e, amount: draw, spread: p.creditSpread[e],
                    years: p.creditMaturityYears[e], purpose: purpose)
                left -= draw
                room = max(0, room - draw)
            }
        }
        return amount - left
    }

    /// A private-credit fund calls `amount` of its investors' commitments (households buy fund shares).
    mutating func callCapital(_ fund: Int, amount: Double) throws(EngineError) {
        let call = min(max(0, amount), firms.uncalled[fund])
        guard call > 0 else { return }
        try books.acquire(holder: table.households, issuer: fund, books.chart.equity, amount: call, variable: "capital call")
        firms.uncalled[fund] -= call
    }

    /// Principal of kind `kind` owed by `e`.
    @inline(__always) func outstanding(_ e: Int, _ kind: DebtKind) -> Double {
        var total = 0.0
        for d in deals.debt.byBorrower[e] where deals.debt.kind[d] == kind {
            total += deals.debt.principal[d]
        }
        return total
    }
}
