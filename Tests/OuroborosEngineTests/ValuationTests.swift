import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M7 valuation and M8 central-bank liquidity")
struct ValuationTests {
    /// Each market's price in `shocked` relative to `base`, in period `t`.
    func relative(_ shocked: NetworkRunResult, _ base: NetworkRunResult, _ t: Int) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: base.markets.map { ($0.id, shocked.price($0.id)[t] / $0.price[t]) })
    }

    @Test("a rate rise lowers long-duration prices more than short-duration ones")
    func rateRise() throws {
        let base = try ToyNetwork().run()
        let shocked = try ToyNetwork().run([shock(.rate, 0.03, at: 6)])
        let change = relative(shocked, base, 6)
        #expect(change["crypto"]! < change["chips"]!)  // duration 25 < 20
        #expect(change["chips"]! < change["cloud"]!)  // 20 < 15
        #expect(change["cloud"]! < change["saas"]!)  // 15 < 12
        #expect(change["saas"]! < 1)
        #expect(abs(change["crypto"]! - 0.4723665527410147) < 0.02, "exp(−25 × 3%) at unchanged sentiment")
        #expect(shocked.macro.policyRate[6] == 0.07 && shocked.macro.policyRate[5] == 0.04)
    }

    @Test("a liquidity contraction hits crypto hardest")
    func liquidityContraction() throws {
        let base = try ToyNetwork().run()
        let shocked = try ToyNetwork().run([shock(.liquidity, -1.5e12, at: 4)])
        #expect(abs(shocked.macro.liquidity[4] - 0.5) < 1e-12)
        #expect(shocked.macro.riskPremium[4] > base.macro.riskPremium[4])
        let change = relative(shocked, base, 4)
        let crypto = change["crypto"]!
        for other in ["chips", "cloud", "saas"] { #expect(crypto < change[other]!, "\(other)") }
    }

    @Test("a crypto crash multiplies the crypto price at its date")
    func cryptoCrash() throws {
        let base = try ToyNetwork().run()
        let shocked = try ToyNetwork().run([shock(.crypto, -0.5, at: 3)])
        #expect(abs(shocked.price("crypto")[3] / base.price("crypto")[3] - 0.5) < 0.05)
        #expect(shocked.price("crypto")[2] == base.price("crypto")[2])
    }

    @Test("backlog lifts a seller's expected value and price")
    func backlogValue() throws {
        var noContract = ToyNetwork()
        noContract.remove("F2")
        let with = try ToyNetwork().run()
        let without = try noContract.run()
        #expect(with.price("cloud")[1] > without.price("cloud")[1])
    }

    @Test("with M7 off prices ignore the discount rate and sentiment")
    func valuationOff() throws {
        var toy = ToyNetwork()
        toy.disable(.valuation)
        let base = try toy.run()
        let shocked = try toy.run([shock(.rate, 0.03, at: 6), shock(.sentiment, -0.3, at: 6)])
        #expect(abs(shocked.price("crypto")[6] - base.price("crypto")[6]) < 1e-6)
        #expect(abs(shocked.price("saas")[6] - base.price("saas")[6]) < 1e-3)
    }

    @Test("with M8 off rate and liquidity shocks are ignored")
    func centralBankOff() throws {
        var toy = ToyNetwork()
        toy.disable(.centralBank)
        let base = try toy.run()
        let shocked = try toy.run([shock(.rate, 0.03, at: 6), shock(.liquidity, -1.5e12, at: 4)])
        #expect(shocked.macro.policyRate == base.macro.policyRate)
        #expect(shocked.macro.liquidity == base.macro.liquidity)
        #expect(shocked.price("crypto") == base.price("crypto"))
    }
}
