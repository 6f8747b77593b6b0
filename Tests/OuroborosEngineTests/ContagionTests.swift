import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M11 contagion and the loop breaking")
struct ContagionTests {
    /// The toy network in which the founder invests the pledge loan's proceeds in the lab at once.
    func spentFounder() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.deals.append(
            DealSpec(
                id: "F0", kind: .equityInvestment, from: "founder", to: "lab", amount: 6e9,
                announced: 1, signed: 1, tranches: [.init(period: 1, amount: 6e9)]))
        return toy
    }

    @Test("a margin call follows a price fall, and the forced sale hits the pledged stock")
    func marginCall() throws {
        let result = try spentFounder().run([shock(.sentiment, -0.4, at: 6)])
        let call = try #require(result.events(.marginCall, of: "founder").first)
        #expect(call.period == 6)
        #expect(result.events(.forcedSale, of: "founder").contains { $0.period == 6 && $0.deal == "chips" })
        #expect(result.market("chips")!.forcedSales[7] > 0, "the sale moves next period's price")
        var off = spentFounder()
        off.disable(.contagion)
        let calm = try off.run([shock(.sentiment, -0.4, at: 6)])
        #expect(calm.events(.marginCall, of: "founder").isEmpty, "with M11 off there are no margin calls")
        #expect(result.price("chips")[7] < calm.price("chips")[7])
        #expect(result.series("founder", \.debt)[6] < calm.series("founder", \.debt)[6])
    }

    @Test("no margin call while the loan-to-value holds")
    func noCall() throws {
        #expect(try spentFounder().run().events(.marginCall, of: "founder").isEmpty)
    }

    @Test("a pledge whose shares cannot cover the loan defaults and the bank takes the loss")
    func pledgeDefault() throws {
        let result = try spentFounder().run([shock(.sentiment, -0.9, at: 6)])
        #expect(result.events(.default, of: "founder").contains { $0.deal == "F4" })
        #expect(result.events(.loss, of: "bank").contains { $0.counterparty == "founder" })
    }

    @Test("a default propagates losses to creditors and breaks the loop when on a cycle")
    func defaultBreaksLoop() throws {
        let result = try ToyNetwork().run([shock(.default, 0, at: 8, target: "cloud")])
        #expect(result.entity("cloud")!.defaultPeriod == 8)
        #expect(result.events(.loss, of: "bank").contains { $0.counterparty == "cloud" && $0.period == 8 })
        #expect(result.events(.loss, of: "bond_investors").contains { $0.counterparty == "cloud" })
        #expect(result.events(.contractCancelled, of: "lab").contains { $0.deal == "F2" && $0.period == 8 })
        #expect(result.price("cloud")[9] < 0.05 * result.price("cloud")[7])
        #expect(result.macro.sentiment[8] < result.macro.sentiment[7])
        let summary = result.summary
        #expect(summary.broke)
        #expect(summary.breakPeriod == 8)
        #expect(summary.breakLabel == "2025-08")
        #expect(summary.firstFailure?.type == .default && summary.firstFailure?.entity == "cloud")
        #expect(!summary.chain.isEmpty && summary.chain.count <= 12)
        #expect(summary.weakestLink.contains("cloud"))
        #expect(result.series("cloud", \.debt)[8] == 0, "debts are cleared")
    }

    @Test("defaulters pay their creditors pro rata from their cash")
    func partialPayment() throws {
        let result = try ToyNetwork().run([shock(.default, 0, at: 8, target: "cloud")])
        let losses = result.events(of: .loss).filter { $0.counterparty == "cloud" }.reduce(0) { $0 + $1.amount }
        let debt = result.series("cloud", \.debt)[7]
        let cash = result.series("cloud", \.cash)[7]
        #expect(losses < debt, "part of the debt is paid from the cloud's cash")
        #expect(losses > debt - cash - 5e9)
    }

    @Test("with M11 off creditors do not write off and defaults do not hit sentiment")
    func contagionOff() throws {
        var toy = ToyNetwork()
        toy.disable(.contagion)
        let result = try toy.run([shock(.default, 0, at: 8, target: "cloud")])
        #expect(result.events(of: .loss).isEmpty)
        #expect(result.summary.broke, "a default on a cycle still breaks the loop")
        let base = try toy.run()
        #expect(abs(result.macro.sentiment[8] - base.macro.sentiment[8]) < 0.05)
    }

    @Test("the loop holds without shocks and the summary still names the weakest link")
    func holds() throws {
        let result = try ToyNetwork().run()
        #expect(!result.summary.broke)
        #expect(result.summary.breakPeriod == nil)
        #expect(result.summary.weakestLink.contains("→"))
        let cycle = try #require(result.capitalCycles.first)
        #expect(Set(cycle.entities) == ["lab", "cloud", "chips"])
        #expect(cycle.bottleneck == "chips → lab")
        #expect(cycle.shareOfDealFlow > 0 && cycle.shareOfDealFlow <= 1)
    }

    @Test("a failed tranche between cycle members breaks the loop")
    func failedTrancheBreaks() throws {
        var toy = ToyNetwork()
        toy.scenario.entities[2].cash = 1e9
        toy.disable(.forcedSellers)
        let result = try toy.run()
        let failure = try #require(result.summary.firstFailure)
        #expect(result.summary.broke)
        #expect(failure.type == .failedRound && failure.deal == "F1" && failure.period == 3)
    }
}
