import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// A small AI-capex network for tests: a lab, a cloud, a chipmaker, a venture fund, a bank,
/// households, a private-credit fund, an insider with a share pledge and a hedge fund, with listed
/// equity of the cloud and the chipmaker, crypto and a SaaS basket.
///
/// Deals (monthly calendar from 2025-01): the chipmaker invests in the lab (F1), the lab buys
/// compute from the cloud (F2), the cloud orders chips from the chipmaker (F3) — a capital cycle
/// chips → lab → cloud → chips — and the insider pledges chipmaker shares to the bank (F4).
struct ToyNetwork {
    var scenario: NetworkScenario

    /// The toy scenario over `periods` months.
    init(periods: Int = 24) {
        let calendar = Timeline(start: CalendarPeriod(year: 2025, month: 1), periods: periods)
        let entities = [
            EntitySpec(
                id: "lab", name: "Lab", sector: .modelLab, cash: 20e9, privateValuation: 100e9,
                parameters: ["paying_users": 10e6, "arpu": 240, "enterprise_revenue": 2e9, "opex": 6e9]),
            EntitySpec(
                id: "cloud", name: "Cloud", sector: .hyperscaler, cash: 20e9, bonds: 20e9, bankLoans: 5e9, fixedCapital: 50e9,
                capacityGW: 2, parameters: ["legacy_revenue": 40e9]),
            EntitySpec(
                id: "chips", name: "Chips", sector: .chipmaker, cash: 30e9,
                parameters: ["unit_price": 30_000, "units_per_month": 50_000, "units_per_gw": 400_000]),
            EntitySpec(id: "vc", name: "VC", sector: .ventureFund, cash: 50e9, parameters: ["deploy_share": 0.1]),
            EntitySpec(id: "bank", name: "Bank", sector: .bank, parameters: ["capital": 20e9]),
            EntitySpec(id: "households", name: "Households", sector: .household, cash: 1e13),
            EntitySpec(id: "pc", name: "Credit fund", sector: .privateCredit, cash: 5e9, parameters: ["dry_powder": 50e9]),
            EntitySpec(id: "founder", name: "Founder", sector: .insider, cash: 0.1e9),
            EntitySpec(id: "hf", name: "Hedge fund", sector: .hedgeFund, cash: 1e9, parameters: ["redemption_beta": 0.5]),
        ]
        let markets = [
            MarketSpec(
                id: "cloud", kind: .equity, issuer: "cloud", units: 1e9, price: 200, duration: 15, reflexivity: 0.4,
                depth: 50e9, liquidityBeta: 1),
            MarketSpec(
                id: "chips", kind: .equity, issuer: "chips", units: 1e9, price: 300, duration: 20, reflexivity: 0.4,
                depth: 60e9, liquidityBeta: 1, holders: [("founder", 50e6)]),
            MarketSpec(
                id: "crypto", kind: .crypto, units: 20e6, price: 90_000, duration: 25, depth: 15e9, liquidityBeta: 3,
                holders: [("hf", 50_000), ("vc", 20_000)]),
            MarketSpec(
                id: "saas", kind: .basket, units: 1, price: 2e12, duration: 12, depth: 60e9, liquidityBeta: 1,
                holders: [("vc", 0.005)]),
        ]
        let deals = [
            DealSpec(
                id: "F1", kind: .equityInvestment, from: "chips", to: "lab", amount: 6e9, announced: 2, signed: 2,
                tranches: [.init(period: 3, amount: 3e9), .init(period: 9, amount: 3e9)]),
            DealSpec(
                id: "F2", kind: .computeContract, from: "lab", to: "cloud", amount: 36e9, announced: 1, signed: 1,
                tranches: (3...38).map { DealSpec.Tranche(period: $0, amount: 1e9) }, gigawatts: 1.5),
            DealSpec(
                id: "F3", kind: .chipOrder, from: "cloud", to: "chips", amount: 9e9, announced: 1, signed: 1,
                tranches: [], unitPrice: 30_000, deliveryLag: 2),
            DealSpec(
                id: "F4", kind: .sharePledge, from: "founder", to: "bank", amount: 6e9, announced: 1, signed: 1,
                tranches: [], market: "chips", pledgedUnits: 40e6, marginCallLTV: 0.6, targetLTV: 0.4),
        ]
        let macro = MacroPaths(
            policyRate: Array(repeating: 0.04, count: periods + 1),
            liquidity: Array(repeating: 1, count: periods + 1),
            reserveRatio: Array(repeating: 0.1, count: periods + 1),
            capitalRatio: Array(repeating: 0.08, count: periods + 1))
        scenario = NetworkScenario(
            name: "toy", description: "test network", calendar: calendar, seed: 11,
            entities: entities, markets: markets, deals: deals,
            behaviour: [
                "power_grid": ["queue_months": 2, "available_gw": 4, "additions_gw_per_year": 1],
                "market": ["sentiment_noise": 0],
            ],
            macro: macro)
    }

    /// Sets a parameter of one entity.
    mutating func set(_ entity: String, _ name: String, _ value: Double) {
        let index = scenario.entityIndex(entity)!
        scenario.entities[index].parameters[name] = value
    }

    /// Sets a behaviour parameter of a group (a sector or `market`).
    mutating func set(group: String, _ name: String, _ value: Double) {
        scenario.behaviour[group, default: [:]][name] = value
    }

    /// Switches mechanisms off.
    mutating func disable(_ mechanisms: Mechanism...) {
        scenario.disabledMechanisms.formUnion(mechanisms)
    }

    /// Removes the deals with these ids.
    mutating func remove(_ ids: String...) {
        scenario.deals.removeAll { ids.contains($0.id) }
    }

    /// Runs the scenario with `shocks`, checking the accounting of every period.
    func run(_ shocks: [NetworkShock] = [], seed: UInt64? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> NetworkRunResult
    {
        let result = try NetworkSimulation(scenario: scenario, shocks: shocks).run(seed: seed)
        #expect(result.maxRelativeImbalance < 1e-9, "SFC matrices must close every period", sourceLocation: sourceLocation)
        return result
    }
}

/// A shock at period `period`.
func shock(_ kind: NetworkShock.Kind, _ size: Double, at period: Int, target: String? = nil) -> NetworkShock {
    NetworkShock(kind: kind, size: size, target: target, period: period, text: "\(kind.rawValue):\(size)@\(period)")
}

extension NetworkRunResult {
    /// The series `keyPath` of entity `id`.
    func series(_ id: String, _ keyPath: KeyPath<EntityRun, [Double]>) -> [Double] {
        entity(id)![keyPath: keyPath]
    }

    /// The price path of market `id`.
    func price(_ id: String) -> [Double] { market(id)!.price }

    /// The events of `type` for entity `id`.
    func events(_ type: EngineEvent.Kind, of id: String) -> [EngineEvent] {
        events.filter { $0.type == type && $0.entity == id }
    }
}
