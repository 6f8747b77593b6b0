internal import OuroborosCore

/// After step 12, the period's values go into the recorder: recording reads the state and changes
/// none of it. Any NaN or infinity stops the run naming the period, the entity (or market) and the variable.
extension Simulator {
    /// Records period `t`.
    mutating func recordPeriod() throws(EngineError) {
        let n = table.count
        let base = t * n
        for e in 0..<n { recorder.debt[base + e] = 0 }
        for d in 0..<deals.debt.count where deals.debt.state[d] == .active || deals.debt.state[d] == .failed {
            recorder.debt[base + deals.debt.borrower[d]] += deals.debt.principal[d]
        }
        for e in 0..<n {
            let value: Double
            if layout.marketOf[e] >= 0 {
                value = markets.marketValue(layout.marketOf[e])
            } else if firms.lastRoundValuation[e] > 0 {
                value = firms.defaulted[e] ? 0 : firms.privateMark[e]
            } else {
                // Net assets: net worth before the shares it issued (a fund's NAV, a firm's book equity).
                value = books.ledger.netWorth(of: EntityID(e)) - min(0, books.holding(e, books.chart.equity))
            }
            recorder.cash[base + e] = try finite(cash(e), e, "cash")
            recorder.revenue[base + e] = try finite(books.revenue[e], e, "revenue")
            _ = try finite(recorder.debt[base + e], e, "debt")
            recorder.marketValue[base + e] = try finite(value, e, "market value")
            recorder.backlog[base + e] = try finite(max(0, firms.backlog[e]), e, "backlog")
            recorder.capacity[base + e] = try finite(capacity.energisedGW[e], e, "capacity")
            recorder.stranded[base + e] = try finite(capacity.strandedGW[e], e, "stranded capacity")
            recorder.capex[base + e] = try finite(period.capex[e], e, "capex")
            recorder.newDebt[base + e] = try finite(period.newDebt[e], e, "new debt")
            recorder.interest[base + e] = try finite(period.interestPaid[e], e, "interest")
            recorder.cashFlow[base + e] = try finite(period.operatingCashFlow[e], e, "operating cash flow")
            recorder.creditSpread[base + e] = try finite(loanSpreadNow(e), e, "credit spread")
        }
        let mBase = t * markets.count
        for m in 0..<markets.count {
            guard markets.price[m].isFinite else { throw .nonFinite(period: t, entity: markets.ids[m], variable: "price") }
            recorder.price[mBase + m] = markets.price[m]
            recorder.impact[mBase + m] = markets.impact[m]
            recorder.sales[mBase + m] = markets.salesAtRepricing[m]
        }
        guard macro.rate.isFinite else { throw .nonFinite(period: t, entity: "macro", variable: "policy rate") }
        guard macro.liquidityIndex.isFinite else { throw .nonFinite(period: t, entity: "macro", variable: "liquidity") }
        guard macro.sentiment.isFinite else { throw .nonFinite(period: t, entity: "macro", variable: "sentiment") }
        guard macro.premium.isFinite else { throw .nonFinite(period: t, entity: "macro", variable: "risk premium") }
        recorder.policyRate[t] = macro.rate
        recorder.liquidity[t] = macro.liquidityIndex
        recorder.sentiment[t] = macro.sentiment
        recorder.premium[t] = macro.premium
        recorder.index[t] = macro.aiIndex
    }

    private func finite(_ value: Double, _ e: Int, _ variable: String) throws(EngineError) -> Double {
        guard value.isFinite else { throw .nonFinite(period: t, entity: table.ids[e], variable: variable) }
        return value
    }
}
