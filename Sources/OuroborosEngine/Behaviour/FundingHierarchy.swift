internal import OuroborosCore

/// The funding hierarchy of capex spenders (M4): cash above the buffer first, then bonds (up to
/// `bond_capacity_multiple` × annual operating cash flow, bought by bond investors), then bank
/// loans (as far as banks' headroom allows, M9), then private credit (dry powder × sentiment^beta,
/// priced at the spread plus the rise in the discount rate). A credit freeze closes bonds and private
/// credit. With M4 off, any shortfall is met by an unlimited bank loan.
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
        // Bank loans.
        for b in table.banks where left > 1 && alive(b) {
            let draw = min(left, lendingHeadroom(b))
            if draw > 1 {
                try lend(
                    .bankLoan, lender: b, borrower: e, amount: draw, spread: p.loanSpread[e],
                    years: p.loanMaturityYears[e], purpose: purpose)
                left -= draw
            }
        }
        // Private credit.
        if !frozen {
            for fund in table.creditFunds where left > 1 && alive(fund) {
                let capacity = (spendable(fund) + firms.uncalled[fund]) * Math.pow(macro.sentiment, p.creditSentimentBeta[fund])
                let draw = min(left, capacity)
                guard draw > 1 else { continue }
                try callCapital(fund, amount: draw - spendable(fund))
                let spread = p.creditSpread[e] + max(0, macro.discount - macro.openingDiscount)
                try lend(
                    .privateCredit, lender: fund, borrower: e, amount: draw, spread: spread,
                    years: p.creditMaturityYears[e], purpose: purpose)
                left -= draw
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
