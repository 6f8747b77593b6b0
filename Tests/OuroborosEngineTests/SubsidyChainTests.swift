import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M6 subsidy chain")
struct SubsidyChainTests {
    /// A toy network with a wrapper reselling the lab's API at a negative margin.
    func withWrapper() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.entities.append(
            EntitySpec(
                id: "app", name: "App", sector: .wrapperStartup, cash: 0.5e9,
                parameters: ["paying_users": 1e6, "arpu": 120, "api_cost_ratio": 1.4, "opex": 0.1e9]))
        return toy
    }

    @Test("a demand shock cuts lab revenue and brings rounds forward")
    func demandShock() throws {
        let base = try ToyNetwork().run()
        let shocked = try ToyNetwork().run([shock(.demand, -0.5, at: 2)])
        #expect(shocked.series("lab", \.revenue)[2] < base.series("lab", \.revenue)[2] * 0.6)
        let first = try #require(base.events(.roundRaised, of: "lab").first).period
        let earlier = try #require(shocked.events(.roundRaised, of: "lab").first).period
        #expect(earlier < first)
    }

    @Test("rounds fail when sentiment is below the lab's threshold")
    func roundsFailOnSentiment() throws {
        let first = try #require(try ToyNetwork().run().events(.roundRaised, of: "lab").first).period
        let result = try ToyNetwork().run([shock(.sentiment, -0.6, at: first)])
        #expect(result.events(.failedRound, of: "lab").contains { $0.period == first && $0.cause.contains("sentiment") })
        #expect(!result.events(.roundRaised, of: "lab").contains { $0.period == first })
        var off = ToyNetwork()
        off.disable(.subsidyChain)
        let ignored = try off.run([shock(.sentiment, -0.6, at: first)])
        #expect(!ignored.events(.failedRound, of: "lab").contains { $0.cause.contains("sentiment") }, "with M6 off rounds ignore sentiment")
    }

    @Test("a wrapper pays the lab more than it earns, on venture money")
    func wrapperSubsidy() throws {
        let result = try withWrapper().run()
        let app = try #require(result.entity("app"))
        let withoutApp = try ToyNetwork().run()
        let extra = result.series("lab", \.revenue)[1] - withoutApp.series("lab", \.revenue)[1]
        #expect(abs(extra - 1.4 * app.revenue[1]) < 1, "API fees are 1.4 × the wrapper's revenue")
        #expect(app.cash[3] < app.cash[0])
    }

    @Test("with M6 off demand stays at its opening run rate and ignores shocks; wrappers pay at cost")
    func subsidyOff() throws {
        var toy = withWrapper()
        toy.disable(.subsidyChain)
        let base = try toy.run()
        let shocked = try toy.run([shock(.demand, -0.5, at: 2)])
        #expect(shocked.series("lab", \.revenue)[2] == base.series("lab", \.revenue)[2])
        let subscriptions = 10e6 * 240 / 12 + 2e9 / 12
        let app = try #require(base.entity("app"))
        #expect(abs(base.series("lab", \.revenue)[12] - subscriptions - app.revenue[12]) < 1, "no growth, API at cost")
    }
}
