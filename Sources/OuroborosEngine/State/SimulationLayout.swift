internal import OuroborosCore

/// Everything a run needs that does not change during it: names resolved to dense indices,
/// parameters in flat arrays, deals compiled, markets and positions laid out, shocks per period.
struct SimulationLayout: Sendable {
    let scenario: NetworkScenario
    let table: EntityTable
    let parameters: EntityParameters
    let market: MarketParameters
    let switches: MechanismSwitches
    let deals: DealBooks
    let markets: MarketBook
    let positions: PositionBook
    let shocks: ShockSchedule
    let graph: DealGraph
    /// The empty ledger with the run's chart of accounts.
    let ledger: Ledger
    /// Each lab's share of wrappers' API spend (by enterprise revenue), indexed like `table.labs`.
    let apiShare: [Double]
    /// Macro paths padded to periods 0 … T.
    let policyRate: [Double], liquidity: [Double], reserveRatio: [Double], capitalRatio: [Double]
    /// Number of periods, months per step, years per step.
    let periods: Int, monthsPerStep: Int, dt: Double
    /// Period labels 0 … T.
    let labels: [String]
    /// The listed-equity market of each entity, or -1.
    let marketOf: [Int]
    /// The id of each deal, by deal index (for events).
    let dealIDs: [String]

    /// Lays `scenario` out with `extraShocks` added.
    init(scenario: NetworkScenario, extraShocks: [NetworkShock]) throws(EngineSetupError) {
        let calendar = scenario.calendar
        guard calendar.periods >= 1 else { throw .invalidCalendar("the run needs at least one period, found \(calendar.periods)") }
        guard calendar.monthsPerStep >= 1 else { throw .invalidCalendar("monthsPerStep must be at least 1, found \(calendar.monthsPerStep)") }
        self.scenario = scenario
        periods = calendar.periods
        monthsPerStep = calendar.monthsPerStep
        dt = Double(calendar.monthsPerStep) / 12
        labels = (0...calendar.periods).map(calendar.label)
        let table = EntityTable(scenario: scenario)
        self.table = table
        let resolver = ParameterResolver(scenario: scenario)
        let parameters = EntityParameters(table: table, resolver: resolver)
        self.parameters = parameters
        market = MarketParameters(table: table, resolver: resolver)
        switches = MechanismSwitches(disabled: scenario.disabledMechanisms)
        func pad(_ path: [Double], _ name: String, _ fallback: Double) -> [Double] {
            guard !path.isEmpty else { return Array(repeating: fallback, count: calendar.periods + 1) }
            return (0...calendar.periods).map { path[min($0, path.count - 1)] }
        }
        policyRate = pad(scenario.macro.policyRate, "policy_rate", 0.04)
        liquidity = pad(scenario.macro.liquidity, "liquidity", 1)
        reserveRatio = pad(scenario.macro.reserveRatio, "reserve_ratio", 0.1)
        capitalRatio = pad(scenario.macro.capitalRatio, "capital_ratio", 0.08)
        var deals = DealBooks()
        try DealCompiler(scenario: scenario, table: table, parameters: parameters, resolver: resolver).compile(into: &deals)
        Self.addOpeningDebt(
            scenario: scenario, table: table, parameters: parameters, market: market,
            stepsPerYear: 12 / Double(calendar.monthsPerStep), into: &deals.debt)
        self.deals = deals
        var markets = MarketBook()
        var positions = PositionBook()
        try Self.layOutMarkets(scenario: scenario, table: table, into: &markets, &positions)
        self.markets = markets
        self.positions = positions
        var marketOf = [Int](repeating: -1, count: table.count)
        for m in (0..<markets.count).reversed() where markets.issuer[m] >= 0 { marketOf[markets.issuer[m]] = m }
        self.marketOf = marketOf
        dealIDs = scenario.deals.map(\.id)
        shocks = try ShockSchedule(
            shocks: scenario.shocks + extraShocks, periods: calendar.periods,
            monthsPerStep: calendar.monthsPerStep, table: table)
        graph = DealGraph(scenario: scenario, table: table)
        let enterprise = table.labs.map { max(0, parameters.enterpriseRevenue[$0]) }
        let total = enterprise.reduce(0, +)
        apiShare = enterprise.map { total > 0 ? $0 / total : 1 / Double(max(1, table.labs.count)) }
        let entities = (0..<table.count).map { Entity(id: EntityID($0), name: table.names[$0], sector: table.sectors[$0]) }
        do {
            ledger = try Ledger(name: scenario.name, entities: entities, instruments: ChartOfAccounts.instruments)
        } catch {
            throw .invalidChart(error.description)
        }
    }

    /// Opening bonds, bank loans and private credit, split into equal annual slices maturing over
    /// `opening_debt_years` (a refinancing wall), floating at the borrower's spreads.
    private static func addOpeningDebt(
        scenario: NetworkScenario, table: EntityTable, parameters: EntityParameters,
        market: MarketParameters, stepsPerYear: Double, into debt: inout DebtBook
    ) {
        let slices = max(1, Int(market.openingDebtYears.rounded()))
        let bank = table.banks.first ?? table.depositBank
        let creditor = table.creditFunds.first ?? table.bondInvestors
        let year = max(1, Int(stepsPerYear.rounded()))
        for (e, spec) in scenario.entities.enumerated() {
            let lines: [(DebtKind, Double, Int, Double)] = [
                (.bond, spec.bonds, table.bondInvestors, parameters.bondSpread[e]),
                (.bankLoan, spec.bankLoans, bank, parameters.loanSpread[e]),
                (.privateCredit, spec.privateCredit, creditor, parameters.creditSpread[e]),
            ]
            for (kind, amount, lender, spread) in lines where amount > 0 || !amount.isFinite {
                for k in 1...slices {
                    debt.add(
                        kind, lender: lender, borrower: e, principal: amount / Double(slices), spread: spread,
                        maturity: k * year, term: slices * year)
                }
            }
        }
    }

    /// Markets and their opening holders; the units no holder is named for are held by households.
    private static func layOutMarkets(
        scenario: NetworkScenario, table: EntityTable, into markets: inout MarketBook,
        _ positions: inout PositionBook
    ) throws(EngineSetupError) {
        for spec in scenario.markets {
            let m = markets.count
            var issuer = -1
            if spec.kind == .equity {
                guard let id = spec.issuer else { throw .unknownHolder(market: spec.id, id: "(no issuer)") }
                guard let found = table.index(of: id) else { throw .unknownHolder(market: spec.id, id: id) }
                issuer = found
            }
            let ledgerIssuer = spec.kind == .equity ? issuer : (spec.kind == .basket ? table.otherIssuer : -1)
            markets.ids.append(spec.id)
            markets.kind.append(spec.kind)
            markets.issuer.append(issuer)
            markets.priceLabel.append("price of \(spec.id)")
            markets.ledgerIssuer.append(ledgerIssuer)
            markets.units.append(spec.units)
            markets.openingUnits.append(spec.units)
            markets.price.append(spec.price)
            markets.previousPrice.append(spec.price)
            markets.openingPrice.append(spec.price)
            markets.duration.append(spec.duration)
            markets.reflexivity.append(spec.reflexivity)
            markets.depth.append(spec.depth)
            markets.liquidityBeta.append(spec.liquidityBeta)
            markets.openingExpected.append(spec.units * spec.price)
            markets.legacyValue.append(spec.units * spec.price)
            markets.narrative.append(0)
            markets.announced.append(0)
            markets.equityRaised.append(0)
            markets.impact.append(1)
            markets.sales.append(0)
            markets.salesAtRepricing.append(0)
            markets.shockFactor.append(1)
            markets.distressFactor.append(1)
            markets.issuerDefaulted.append(false)
            var held = 0.0
            for holder in spec.holders {
                guard let h = table.index(of: holder.entity) else { throw .unknownHolder(market: spec.id, id: holder.entity) }
                let p = positions.listed(market: m, issuer: ledgerIssuer, holder: h)
                positions.units[p] += holder.units
                positions.book[p] += holder.units * spec.price
                held += holder.units
            }
            if spec.units > held {
                let p = positions.listed(market: m, issuer: ledgerIssuer, holder: table.households)
                positions.units[p] += spec.units - held
                positions.book[p] += (spec.units - held) * spec.price
            }
        }
    }
}
