internal import OuroborosCore

/// The opening balance sheets (period 0), seeded into the ledger before the first period: deposits
/// (liabilities of the deposit bank, backed by reserves at the central bank), tangible capital,
/// opening debt, listed and crypto holdings at opening prices, hedge-fund shares held by households,
/// and each bank's reserves sized so that its net worth equals its capital.
extension Simulator {
    /// Seeds the ledger and the state that depends on opening values.
    mutating func seedOpeningBalances() throws(EngineError) {
        let chart = books.chart
        let bank = table.depositBank
        let specs = layout.scenario.entities
        func deposit(_ e: Int, _ amount: Double, _ what: String) throws(EngineError) {
            try books.seed(holder: e, issuer: bank, chart.deposits, amount: amount, variable: what)
        }
        for (e, spec) in specs.enumerated() {
            if e == table.households || e == table.bondInvestors { continue }
            try deposit(e, spec.cash, "cash")
            try books.seed(holder: e, issuer: nil, chart.tangible, amount: spec.fixedCapital, variable: "fixed capital")
        }
        let householdCash = table.households < specs.count && specs[table.households].cash > 0 ? specs[table.households].cash : mp.householdCash
        try deposit(table.households, householdCash, "cash")
        let bondCash =
            table.bondInvestors < specs.count && specs[table.bondInvestors].cash > 0 ? specs[table.bondInvestors].cash : mp.bondInvestorCash
        try deposit(table.bondInvestors, bondCash, "cash")
        for d in 0..<deals.debt.count where deals.debt.principal[d] != 0 {
            try books.seed(
                holder: deals.debt.lender[d], issuer: deals.debt.borrower[d],
                DebtBook.instrument(deals.debt.kind[d], in: chart), amount: deals.debt.principal[d], variable: "opening \(deals.debt.kind[d].noun)")
        }
        for k in 0..<positions.count {
            let m = positions.market[k]
            let crypto = markets.kind[m] == .crypto
            try books.seed(
                holder: positions.holder[k], issuer: crypto ? nil : markets.ledgerIssuer[m],
                crypto ? chart.crypto : chart.equity, amount: positions.book[k], variable: "holding of \(markets.ids[m])")
        }
        for fund in table.hedgeFunds {
            let value = portfolioValue(fund)
            try books.seed(holder: table.households, issuer: fund, chart.equity, amount: value, variable: "hedge-fund shares")
            firms.hedgeValue[fund] = value
        }
        for b in table.banks {
            let loans = loansOutstanding(b)
            firms.openingBankLoans[b] = loans
            let capital = p.bankCapital[b] > 0 ? p.bankCapital[b] : layout.capitalRatio[0] * max(1.5 * loans, 1e11)
            let reserves = capital - books.ledger.netWorth(of: EntityID(b))
            try books.seed(holder: b, issuer: table.centralBank, chart.reserves, amount: reserves, variable: "reserves")
        }
        // Deals signed before the first period are already in the books.
        activateDeals()
        for m in 0..<markets.count where markets.kind[m] == .equity {
            markets.legacyValue[m] = markets.openingExpected[m] - mp.backlogWeight * firms.backlog[markets.issuer[m]]
        }
        for e in table.labsAndWrappers {
            let annual = p.payingUsers[e] * p.arpu[e] + p.enterpriseRevenue[e]
            let stated = e < specs.count ? specs[e].privateValuation : 0
            markRound(e, postMoney: stated > 0 ? stated : p.valuationRevenueMultiple[e] * annual, runRate: annual)
            firms.revenueRunRate[e] = annual
        }
        capacity.openingTotal = capacity.energisedGW.reduce(0, +)
        macro.rate = layout.policyRate[0]
        macro.liquidityIndex = max(0.05, layout.liquidity[0])
        macro.openingDiscount = openingDiscountRate()
        macro.discount = macro.openingDiscount
        macro.premium = macro.openingDiscount - macro.rate
    }
}
