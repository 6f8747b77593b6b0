import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("LP inflows to venture funds and gated redemptions at credit funds")
struct FundFlowTests {
    func inflows(_ result: NetworkRunResult) -> [Int: Double] {
        Dictionary(result.events(.lpInflow, of: "vc").map { ($0.period, $0.amount) }, uniquingKeysWith: +)
    }

    @Test("LP money follows sentiment: a −50% sentiment shock halves the period's commitments (beta 1)")
    func lpInflows() throws {
        var toy = ToyNetwork()
        toy.set("vc", "lp_inflow_share", 0.2)
        toy.set("vc", "lp_return_beta", 0)
        let calm = try toy.run()
        let shocked = try toy.run([shock(.sentiment, -0.5, at: 6)])
        let a = inflows(calm)
        let b = inflows(shocked)
        let ratio = try #require(b[6]) / (try #require(a[6]))
        let sentimentRatio = shocked.macro.sentiment[6] / calm.macro.sentiment[6]
        // The inflow is 0.2 × the opening NAV / 12 × sentiment (the return term is off).
        #expect(abs(ratio - sentimentRatio) < 1e-9, "ratio \(ratio), sentiment ratio \(sentimentRatio)")
        var off = toy
        off.set("vc", "lp_inflow_share", 0)
        let dry = try off.run()
        #expect(dry.events(.lpInflow, of: "vc").isEmpty)
        #expect(calm.series("vc", \.cash)[12] > dry.series("vc", \.cash)[12], "the commitments are cash to deploy")
    }

    @Test("redemption requests above the gate are paid at the gate and queued; off, nothing is asked")
    func gatedRedemptions() throws {
        var toy = ToyNetwork()
        toy.set("pc", "redemption_rate", 1.2)  // 10% of NAV asked a month
        toy.set("pc", "redemption_stress_beta", 0)
        toy.set("pc", "redemption_gate", 0.2)  // paid at most 1.67% of NAV a month
        let result = try toy.run()
        let gated = result.events(.redemptionGated, of: "pc")
        #expect(gated.count >= 6, "\(gated.count) gated periods")
        let first = try #require(gated.first)
        guard case .creditFundRedemption(_, let requested, let paid, let left) = first.reason else {
            Issue.record("cause \(first.reason)")
            return
        }
        #expect(abs(paid - requested / 6) < 1e-6 * requested, "asked 10%, paid the 1.67% gate")
        #expect(abs(left - (requested - paid)) < 1e-6 * requested)
        #expect(first.amount == paid)
        var off = toy
        off.set("pc", "redemption_rate", 0)
        let none = try off.run()
        #expect(none.events(.redemptionGated, of: "pc").isEmpty && none.events(.redemption, of: "pc").isEmpty)
        #expect(none.series("pc", \.cash)[6] > result.series("pc", \.cash)[6], "cash paid out is cash it cannot lend")
    }
}
