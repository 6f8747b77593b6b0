import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M2 funds tracing")
struct FundsTracingTests {
    /// Three firms with no cash of their own but the chipmaker's: it invests in the lab, the lab
    /// pays the cloud for compute, the cloud pays the chipmaker for chips, all in period 1.
    func roundTrip(investor: String = "chips") -> NetworkScenario {
        let calendar = Timeline(start: CalendarPeriod(year: 2025, month: 1), periods: 3)
        let macro = MacroPaths(
            policyRate: [0.04, 0.04, 0.04, 0.04], liquidity: [1, 1, 1, 1], reserveRatio: [0.1, 0.1, 0.1, 0.1],
            capitalRatio: [0.08, 0.08, 0.08, 0.08])
        return NetworkScenario(
            name: "round-trip", calendar: calendar,
            entities: [
                EntitySpec(id: "lab", name: "Lab", sector: .modelLab),
                EntitySpec(id: "cloud", name: "Cloud", sector: .hyperscaler, parameters: ["ai_margin": 1, "chip_share_of_capex": 1]),
                EntitySpec(id: "chips", name: "Chips", sector: .chipmaker, cash: investor == "chips" ? 10e9 : 0, parameters: ["unit_price": 30_000]),
                EntitySpec(id: "vc", name: "VC", sector: .ventureFund, cash: 10e9, parameters: ["deploy_share": 0]),
            ],
            deals: [
                DealSpec(
                    id: "E", kind: .equityInvestment, from: investor, to: "lab", amount: 3e9, announced: 1, signed: 1,
                    tranches: [.init(period: 1, amount: 3e9)]),
                DealSpec(
                    id: "C", kind: .computeContract, from: "lab", to: "cloud", amount: 3e9, announced: 1, signed: 1,
                    tranches: [.init(period: 1, amount: 3e9)], gigawatts: 0),
                DealSpec(
                    id: "O", kind: .chipOrder, from: "cloud", to: "chips", amount: 3e9, announced: 1, signed: 1,
                    tranches: [], unitPrice: 30_000, deliveryLag: 0),
            ],
            behaviour: ["market": ["sentiment_noise": 0]], macro: macro)
    }

    @Test("a lab paid only by its users has all its revenue from end users")
    func endUsers() throws {
        let origin = try ToyNetwork().run().entity("lab")!.revenueOrigin
        #expect(abs(origin.endUsers - 1) < 1e-12)
        #expect(origin.syntheticShare < 1e-12)
    }

    @Test("money a chipmaker invests that comes back as its revenue is a round trip")
    func roundTripShare() throws {
        let result = try NetworkSimulation(scenario: roundTrip()).run()
        #expect(result.maxRelativeImbalance < 1e-9)
        let chips = result.entity("chips")!.revenueOrigin
        #expect(abs(chips.revenue - 3e9) < 1)
        #expect(abs(chips.roundTrip - 1) < 1e-9)
        let cloud = result.entity("cloud")!.revenueOrigin
        #expect(abs(cloud.other - 1) < 1e-9, "the chipmaker's own money is of other origin for the cloud")
    }

    @Test("compute paid with venture money is revenue from investors")
    func investors() throws {
        let result = try NetworkSimulation(scenario: roundTrip(investor: "vc")).run()
        #expect(abs(result.entity("cloud")!.revenueOrigin.investors - 1) < 1e-9)
        #expect(abs(result.entity("chips")!.revenueOrigin.investors - 1) < 1e-9)
        #expect(result.entity("chips")!.revenueOrigin.syntheticShare > 0.99)
    }

    @Test("the shares of every traced entity sum to 1")
    func sharesSum() throws {
        let result = try ToyNetwork().run([shock(.credit, 0, at: 3)])
        for entity in result.entities where entity.revenueOrigin.revenue > 0 {
            let o = entity.revenueOrigin
            #expect(abs(o.endUsers + o.investors + o.lenders + o.roundTrip + o.other - 1) < 1e-9, "\(entity.id)")
        }
    }

    @Test("with M2 off revenue is not traced")
    func tracingOff() throws {
        var toy = ToyNetwork()
        toy.disable(.syntheticWealth)
        let result = try toy.run()
        #expect(result.entities.allSatisfy { $0.revenueOrigin == RevenueOrigin() })
    }
}
