import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M10 forced sellers")
struct ForcedSellerTests {
    /// The toy network with a $55B capital call on the venture fund in period 5 (more than its cash).
    func capitalCall() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.set("vc", "deploy_share", 0)
        toy.set("vc", "lp_inflow_share", 0)  // no new LP money: the call must be met from the fund's assets
        toy.scenario.deals.append(
            DealSpec(
                id: "F6", kind: .equityInvestment, from: "vc", to: "lab", amount: 55e9, announced: 5,
                signed: 5, tranches: [.init(period: 5, amount: 55e9)]))
        return toy
    }

    @Test("a capital call beyond cash forces sales, least-certain assets first, and the sold asset's price falls")
    func forcedSale() throws {
        let result = try capitalCall().run()
        let sales = result.events(.forcedSale, of: "vc").filter { $0.period == 5 }
        #expect(sales.first?.deal == "crypto", "crypto is sold first")
        #expect(sales.contains { $0.deal == "saas" })
        #expect(result.events(.trancheFunded, of: "lab").contains { $0.deal == "F6" })
        var off = capitalCall()
        off.remove("F6")
        let base = try off.run()
        #expect(result.price("crypto")[5] < base.price("crypto")[5])
        #expect(result.price("saas")[5] < base.price("saas")[5])
        #expect(result.market("crypto")!.forcedSales[5] > 0)
        #expect(result.market("crypto")!.impact[5] < 1)
    }

    @Test("price impact recovers toward 1 after the sale")
    func impactRecovers() throws {
        let impact = try capitalCall().run().market("crypto")!.impact
        #expect(impact[8] > impact[5])
        #expect(impact[8] < 1)
    }

    @Test("hedge funds meet redemptions after losses by selling")
    func redemptions() throws {
        var toy = ToyNetwork()
        toy.scenario.entities[toy.scenario.entityIndex("hf")!].cash = 0.1e9
        let result = try toy.run([shock(.crypto, -0.6, at: 3)])
        let redemption = try #require(result.events(.redemption, of: "hf").first { $0.period == 3 })
        #expect(redemption.amount > 0.3e9, "half the ~60% loss on ~$1.9B of assets")
        #expect(result.events(.forcedSale, of: "hf").contains { $0.period == 3 })
    }

    @Test("with M10 off nobody sells: the capital call fails instead")
    func forcedSellersOff() throws {
        var toy = capitalCall()
        toy.disable(.forcedSellers)
        let result = try toy.run()
        #expect(result.events(.forcedSale, of: "vc").isEmpty)
        #expect(result.events(.failedRound, of: "vc").contains { $0.deal == "F6" && $0.period == 5 })
    }
}
