internal import OuroborosCore

/// Step 12: the period's values go into the recorder; any NaN or infinity stops the run naming the
/// period, the entity (or market) and the variable.
extension Simulator {
    /// Records period `t` and resets the per-period tallies.
    mutating func recordPeriod() throws(EngineError) {
        let n = table.count
        var debt = [Double](repeating: 0, count: n)
        for d in 0..<deals.debt.count where deals.debt.state[d] == .active || deals.debt.state[d] == .failed {
            debt[deals.debt.borrower[d]] += deals.debt.principal[d]
        }
        let base = t * n
        for e in table.labs + table.wrappers { operatingCashFlow[e] += books.revenue[e] }
        for e in 0..<n {
            let value: Double
            if marketOf[e] >= 0 {
                value = markets.marketValue(marketOf[e])
            } else if lastRoundValuation[e] > 0 {
                value = defaulted[e] ? 0 : privateMark[e]
            } else {
                // Net assets: net worth before the shares it issued (a fund's NAV, a firm's book equity).
                value = books.ledger.netWorth(of: EntityID(e)) - min(0, books.holding(e, books.chart.equity))
            }
            recorder.cash[base + e] = try finite(cash(e), e, "cash")
            recorder.revenue[base + e] = try finite(books.revenue[e], e, "revenue")
            recorder.debt[base + e] = try finite(debt[e], e, "debt")
            recorder.marketValue[base + e] = try finite(value, e, "market value")
            recorder.backlog[base + e] = try finite(max(0, backlog[e]), e, "backlog")
            recorder.capacity[base + e] = try finite(energisedGW[e], e, "capacity")
            recorder.stranded[base + e] = try finite(strandedGW[e], e, "stranded capacity")
            recorder.capex[base + e] = try finite(capex[e], e, "capex")
            recorder.newDebt[base + e] = try finite(newDebt[e], e, "new debt")
            recorder.interest[base + e] = try finite(interestPaid[e], e, "interest")
            recorder.cashFlow[base + e] = try finite(operatingCashFlow[e], e, "operating cash flow")
            if t > 0, table.roles[e].isNetworkFirm, alive(e), books.outflow[e] > 0 {
                let runway = cash(e) / (books.outflow[e] / months)
                if runway < runwayMin[e] {
                    runwayMin[e] = runway
                    runwayMinPeriod[e] = t
                }
            }
            if t > 0 { ocfRunRate[e] = 0.75 * ocfRunRate[e] + 0.25 * operatingCashFlow[e] / dt }
            capex[e] = 0
            newDebt[e] = 0
            interestPaid[e] = 0
            operatingCashFlow[e] = 0
        }
        let mBase = t * markets.count
        for m in 0..<markets.count {
            guard markets.price[m].isFinite else { throw .nonFinite(period: t, entity: markets.ids[m], variable: "price") }
            recorder.price[mBase + m] = markets.price[m]
            recorder.impact[mBase + m] = markets.impact[m]
        }
        let macro: [(Double, String)] = [(rate, "policy rate"), (liquidityIndex, "liquidity"), (sentiment, "sentiment"), (premium, "risk premium")]
        for (value, name) in macro where !value.isFinite { throw .nonFinite(period: t, entity: "macro", variable: name) }
        recorder.policyRate[t] = rate
        recorder.liquidity[t] = liquidityIndex
        recorder.sentiment[t] = sentiment
        recorder.premium[t] = premium
        recorder.index[t] = aiIndex
    }

    private func finite(_ value: Double, _ e: Int, _ variable: String) throws(EngineError) -> Double {
        guard value.isFinite else { throw .nonFinite(period: t, entity: table.ids[e], variable: variable) }
        return value
    }
}
