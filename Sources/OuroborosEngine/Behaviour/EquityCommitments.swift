/// Step 4, deal-based equity (M1): tranches paid investor → investee when due (conditional ones
/// once the investee has the GW energised); an investor short of cash sells its least-certain
/// assets first (M10); if still short the tranche fails and the rest of the commitment lapses.
/// Also warrants, which vest as the holder's deployed GW grows.
extension Simulator {
    /// GW `e` has running: its own energised capacity plus the capacity its contracts have delivered to it.
    func deployedGW(_ e: Int) -> Double { energisedGW[e] + contractedGW[e] }

    /// Pays or fails the equity tranches due by period `t`.
    mutating func fundEquityTranches() throws(EngineError) {
        for k in 0..<deals.equity.count where deals.equity.state[k] == .pending && deals.equity.period[k] <= t {
            let investor = deals.equity.investor[k]
            let investee = deals.equity.investee[k]
            let amount = deals.equity.amount[k]
            guard alive(investor), alive(investee) else {
                deals.equity.state[k] = .cancelled
                continue
            }
            let condition = deals.equity.conditionGW[k]
            if !condition.isNaN, deployedGW(investee) < condition { continue }
            let deal = layout.scenario.deals[deals.equity.deal[k]]
            if table.roles[investee].isAIFirm { fundingNeed += amount }
            if spendable(investor) < amount {
                _ = try sellAssets(
                    investor, amount: amount - spendable(investor),
                    reason: "to meet tranche \(MoneyText.usd(amount)) of \(deal.id) to \(table.names[investee])")
            }
            if spendable(investor) >= amount * (1 - 1e-12) {
                try buyEquity(investor: investor, investee: investee, amount: amount)
                deals.equity.state[k] = .completed
                log.add(
                    .trancheFunded, period: t, entity: investee, counterparty: investor, deal: deal.id, amount: amount,
                    cause: "\(table.names[investor]) paid \(MoneyText.usd(amount)) of \(deal.id) for new shares of \(table.names[investee])")
            } else {
                deals.equity.state[k] = .failed
                log.add(
                    .failedRound, period: t, entity: investor, counterparty: investee, deal: deal.id, amount: amount,
                    cause:
                        "\(table.names[investor]) had \(MoneyText.usd(spendable(investor))) for a \(MoneyText.usd(amount)) tranche of \(deal.id) to \(table.names[investee])",
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
        let m = marketOf[investee]
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
    mutating func vestWarrants() throws(EngineError) {
        for k in 0..<deals.warrants.count where deals.warrants.state[k] == .pending && deals.warrants.period[k] <= t {
            let issuer = deals.warrants.from[k]
            let holder = deals.warrants.to[k]
            let value = deals.warrants.amount[k]
            guard alive(issuer), alive(holder) else {
                deals.warrants.state[k] = .cancelled
                continue
            }
            let condition = deals.warrants.conditionGW[k]
            if !condition.isNaN, deployedGW(holder) < condition { continue }
            try books.revalue(holder: holder, issuer: issuer, books.chart.equity, amount: value, variable: "warrant vesting")
            let m = marketOf[issuer]
            if m >= 0, markets.price[m] > 0 {
                let position = positions.listed(market: m, issuer: issuer, holder: holder)
                positions.units[position] += value / markets.price[m]
                positions.book[position] += value
                markets.units[m] += value / markets.price[m]
            } else {
                positions.book[positions.privateStake(issuer: issuer, holder: holder)] += value
            }
            deals.warrants.state[k] = .completed
            let id = layout.scenario.deals[deals.warrants.deal[k]].id
            log.add(
                .warrantVested, period: t, entity: holder, counterparty: issuer, deal: id, amount: value,
                cause: "\(table.names[holder]) vested warrants on \(table.names[issuer]) worth \(MoneyText.usd(value))")
        }
    }
}
