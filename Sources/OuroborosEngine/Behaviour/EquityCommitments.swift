/// Step 4, deal-based equity (M1): tranches paid investor → investee when due (conditional ones
/// once the investee has the GW energised); an investor short of cash sells its least-certain
/// assets first (M10); if still short the tranche fails and the rest of the commitment lapses.
/// Also warrants, which vest as the holder's deployed GW grows.
extension Simulator {
    /// GW `e` has running: its own energised capacity plus the capacity its contracts deliver to it this period.
    @inline(__always) func deployedGW(_ e: Int, _ dues: Obligations) -> Double { capacity.energisedGW[e] + dues.contractedGW[e] }

    /// Pays or fails the equity tranches due by period `t` (conditional ones against the GW deployed, from `dues`).
    mutating func fundEquityTranches(_ dues: Obligations) throws(EngineError) {
        for k in 0..<deals.equity.count where deals.equity.state[k] == .pending && deals.equity.period[k] <= t {
            let investor = deals.equity.investor[k]
            let investee = deals.equity.investee[k]
            let amount = deals.equity.amount[k]
            guard alive(investor), alive(investee) else {
                deals.equity.state[k] = .cancelled
                continue
            }
            let condition = deals.equity.conditionGW[k]
            if !condition.isNaN, deployedGW(investee, dues) < condition { continue }
            let dealID = layout.dealIDs[deals.equity.deal[k]]
            if table.roles[investee].isAIFirm { period.fundingSought += amount }
            if spendable(investor) < amount {
                _ = try sellAssets(
                    investor, amount: amount - spendable(investor),
                    reason: .tranche(amount: amount, deal: dealID, investee: table.names[investee]))
            }
            if spendable(investor) >= amount * (1 - 1e-12) {
                try buyEquity(investor: investor, investee: investee, amount: amount)
                deals.equity.state[k] = .completed
                let role = table.roles[investee]
                if role == .lab || role == .wrapper, let post = layout.scenario.deals[deals.equity.deal[k]].postMoney {
                    markRound(investee, postMoney: post, runRate: firms.revenueRunRate[investee])
                }
                log.add(
                    .trancheFunded, period: t, entity: investee, counterparty: investor, deal: dealID, amount: amount,
                    cause: .trancheFunded(investor: table.names[investor], amount: amount, deal: dealID, investee: table.names[investee]))
            } else {
                deals.equity.state[k] = .failed
                log.add(
                    .failedRound, period: t, entity: investor, counterparty: investee, deal: dealID, amount: amount,
                    cause: .trancheFailed(
                        investor: table.names[investor], available: spendable(investor), amount: amount, deal: dealID,
                        investee: table.names[investee]),
                    link: (investor, investee))
                for later in 0..<deals.equity.count where deals.equity.deal[later] == deals.equity.deal[k] && deals.equity.state[later] == .pending {
                    deals.equity.state[later] = .cancelled
                }
            }
        }
    }

    /// `investor` buys `amount` of new equity of `investee`: listed shares at the market price, else a private stake.
    mutating func buyEquity(investor: Int, investee: Int, amount: Double) throws(EngineError) {
        try books.acquire(holder: investor, issuer: investee, books.chart.equity, amount: amount, variable: "equity purchase")
        let m = layout.marketOf[investee]
        if m >= 0, markets.price[m] > 0 {
            let units = amount / markets.price[m]
            let position = positions.listed(market: m, issuer: investee, holder: investor)
            positions.units[position] += units
            positions.book[position] += amount
            markets.units[m] += units
            markets.equityRaised[m] += amount
        } else {
            let position = positions.privateStake(issuer: investee, holder: investor)
            positions.book[position] += amount
        }
    }

    /// Vests warrants whose date has come and whose holder has deployed the GW required: shares of
    /// the issuer worth the tranche go to the holder without cash, diluting the issuer's shareholders.
    mutating func vestWarrants(_ dues: Obligations) throws(EngineError) {
        for k in 0..<deals.warrants.count where deals.warrants.state[k] == .pending && deals.warrants.period[k] <= t {
            let issuer = deals.warrants.from[k]
            let holder = deals.warrants.to[k]
            let value = deals.warrants.amount[k]
            guard alive(issuer), alive(holder) else {
                deals.warrants.state[k] = .cancelled
                continue
            }
            let condition = deals.warrants.conditionGW[k]
            if !condition.isNaN, deployedGW(holder, dues) < condition { continue }
            try books.revalue(holder: holder, issuer: issuer, books.chart.equity, amount: value, variable: "warrant vesting")
            let m = layout.marketOf[issuer]
            if m >= 0, markets.price[m] > 0 {
                let position = positions.listed(market: m, issuer: issuer, holder: holder)
                positions.units[position] += value / markets.price[m]
                positions.book[position] += value
                markets.units[m] += value / markets.price[m]
            } else {
                positions.book[positions.privateStake(issuer: issuer, holder: holder)] += value
            }
            deals.warrants.state[k] = .completed
            let id = layout.dealIDs[deals.warrants.deal[k]]
            log.add(
                .warrantVested, period: t, entity: holder, counterparty: issuer, deal: id, amount: value,
                cause: .warrantVested(holder: table.names[holder], issuer: table.names[issuer], value: value))
        }
    }
}
