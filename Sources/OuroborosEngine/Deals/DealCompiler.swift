/// Turns the scenario's `DealSpec`s into the deal books, resolving every name once.
struct DealCompiler {
    let scenario: NetworkScenario
    let table: EntityTable
    let parameters: EntityParameters
    let resolver: ParameterResolver

    /// Periods per year.
    var stepsPerYear: Double { 12 / Double(scenario.calendar.monthsPerStep) }

    /// Compiles every deal; throws on names that do not resolve and missing terms.
    func compile(into books: inout DealBooks) throws(EngineSetupError) {
        let horizon = scenario.calendar.periods
        for (index, spec) in scenario.deals.enumerated() {
            guard let from = table.index(of: spec.from) else { throw .unknownEntity(deal: spec.id, id: spec.from) }
            let to: Int
            if let found = table.index(of: spec.to) {
                to = found
            } else if spec.kind == .capexPlan {
                to = table.households
            } else {
                throw .unknownEntity(deal: spec.id, id: spec.to)
            }
            let schedule = self.schedule(spec, horizon: horizon)
            switch spec.kind {
            case .equityInvestment:
                for entry in schedule { books.equity.add(deal: index, investor: from, investee: to, entry) }
            case .computeContract:
                books.contracts.add(
                    deal: index, buyer: from, seller: to, amount: spec.amount,
                    gw: spec.gigawatts ?? impliedGW(spec, schedule, seller: to),
                    signed: spec.signed, schedule: schedule)
            case .chipOrder:
                let price = spec.unitPrice ?? parameters.unitPrice[to]
                let lag = Int((Double(spec.deliveryLag) / Double(scenario.calendar.monthsPerStep)).rounded(.up))
                for entry in schedule where entry.amount > 0 && price > 0 {
                    // Booked at signing; each tranche ships from its own date plus the delivery lag.
                    let shipFrom = max(entry.period, spec.signed)
                    books.orders.add(
                        deal: index, buyer: from, seller: to, unitPrice: price, units: entry.amount / price,
                        placed: spec.signed, ready: shipFrom + lag)
                }
            case .capacityBackstop:
                books.backstops.add(deal: index, vendor: from, cloud: to, schedule: schedule)
            case .vendorFinancing, .bond, .bankLoan, .privateCredit:
                addDebt(spec, index: index, lender: from, borrower: to, schedule: schedule, into: &books.debt)
            case .sharePledge:
                try addPledge(spec, index: index, insider: from, bank: to, into: &books)
            case .warrant:
                for entry in schedule { books.warrants.add(deal: index, from: from, to: to, entry) }
            case .capexPlan:
                for entry in schedule { books.capexPlans.add(deal: index, from: from, to: to, entry) }
            }
            if Self.isAnnounced(spec.kind) {
                books.announcements.add(deal: index, from: from, to: to, period: spec.announced, amount: spec.amount)
            }
            if let withdrawal = spec.withdrawal {
                books.withdrawals.add(deal: index, period: max(1, withdrawal.period), share: min(1, max(0, withdrawal.share)))
            }
        }
        books.debt.sortDraws()
        books.announcements.sort()
        books.withdrawals.sort()
    }

    /// Whether announcing this kind of deal moves the parties' prices (M1).
    static func isAnnounced(_ kind: DealSpec.Kind) -> Bool {
        switch kind {
        case .equityInvestment, .computeContract, .chipOrder, .capacityBackstop, .vendorFinancing, .warrant, .capexPlan: true
        case .bond, .bankLoan, .privateCredit, .sharePledge: false
        }
    }

    /// The deal's payments: its tranches, or one payment at signing, or (compute contracts,
    /// backstops, capex plans) an even schedule over 60 months from the period after signing.
    func schedule(_ spec: DealSpec, horizon: Int) -> [ScheduledAmount] {
        if !spec.tranches.isEmpty {
            return spec.tranches.map { ScheduledAmount(period: $0.period, amount: $0.amount, conditionGW: $0.conditionGW ?? .nan) }
        }
        switch spec.kind {
        case .computeContract, .capacityBackstop, .capexPlan:
            let periods = max(1, Int((60 / Double(scenario.calendar.monthsPerStep)).rounded()))
            return (1...periods).map { ScheduledAmount(period: spec.signed + $0, amount: spec.amount / Double(periods), conditionGW: .nan) }
        default:
            return [ScheduledAmount(period: spec.signed, amount: spec.amount, conditionGW: .nan)]
        }
    }

    /// GW a compute contract needs when the deal does not say: its annual rate over the seller's revenue per GW-year.
    func impliedGW(_ spec: DealSpec, _ schedule: [ScheduledAmount], seller: Int) -> Double {
        guard let first = schedule.map(\.period).min(), let last = schedule.map(\.period).max() else { return 0 }
        let years = Double(last - first + 1) / stepsPerYear
        let perGW = parameters.revenuePerGWYear[seller]
        return perGW > 0 ? spec.amount / years / perGW : 0
    }

    private func addDebt(_ spec: DealSpec, index: Int, lender: Int, borrower: Int, schedule: [ScheduledAmount], into debt: inout DebtBook) {
        let kind: DebtKind
        var spread: Double
        var fixed = Double.nan
        var years: Double
        switch spec.kind {
        case .bond:
            kind = .bond
            spread = parameters.bondSpread[borrower]
            years = parameters.bondMaturityYears[borrower]
            if let coupon = spec.rate { fixed = coupon }
        case .bankLoan:
            kind = .bankLoan
            spread = spec.rate ?? parameters.loanSpread[borrower]
            years = parameters.loanMaturityYears[borrower]
        case .privateCredit:
            kind = .privateCredit
            spread = spec.rate ?? parameters.creditSpread[borrower]
            years = parameters.creditMaturityYears[borrower]
        default:
            kind = .vendorLoan
            spread = parameters.loanSpread[borrower]
            years = parameters.loanMaturityYears[borrower]
            if let rate = spec.rate { fixed = rate }
        }
        if !spread.isFinite { spread = 0 }
        let firstDraw = schedule.map(\.period).min() ?? spec.signed
        let term = max(1, Int((years * stepsPerYear).rounded()))
        let maturity = spec.maturity ?? (firstDraw + term)
        let position = debt.add(
            kind, lender: lender, borrower: borrower, principal: 0, spread: spread, fixedRate: fixed,
            maturity: maturity, term: max(1, maturity - firstDraw), deal: index)
        for entry in schedule { debt.scheduleDraw(position: position, period: entry.period, amount: entry.amount) }
    }

    private func addPledge(_ spec: DealSpec, index: Int, insider: Int, bank: Int, into books: inout DealBooks) throws(EngineSetupError) {
        guard let marketID = spec.market else { throw .missingTerm(deal: spec.id, term: "market") }
        guard let market = scenario.marketIndex(marketID) else { throw .unknownMarket(deal: spec.id, id: marketID) }
        guard let units = spec.pledgedUnits, units > 0 else { throw .missingTerm(deal: spec.id, term: "units") }
        let spread = spec.rate ?? resolver.value("loan_spread", entity: insider, in: table, fallback: 0.02)
        let loan = books.debt.add(
            .pledgeLoan, lender: bank, borrower: insider, principal: 0, spread: spread,
            maturity: spec.maturity ?? Int.max, term: 12, deal: index)
        books.debt.scheduleDraw(position: loan, period: spec.signed, amount: spec.amount)
        books.pledges.deal.append(index)
        books.pledges.insider.append(insider)
        books.pledges.bank.append(bank)
        books.pledges.market.append(market)
        books.pledges.units.append(units)
        books.pledges.loan.append(loan)
        books.pledges.marginLTV.append(spec.marginCallLTV ?? resolver.value("margin_call_ltv", entity: insider, in: table, fallback: 0.5))
        books.pledges.targetLTV.append(spec.targetLTV ?? resolver.value("target_ltv", entity: insider, in: table, fallback: 0.3))
        books.pledges.signed.append(spec.signed)
        books.pledges.state.append(.pending)
    }
}
