import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M1 liquidity loop and M3 compute contracts")
struct LiquidityLoopTests {
    /// The toy network with a chip order announced in period 5 and signed (booked, paid) from period 8.
    func announced() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.deals.append(
            DealSpec(
                id: "F5", kind: .chipOrder, from: "cloud", to: "chips", amount: 20e9, announced: 5,
                signed: 8, tranches: [], unitPrice: 30_000, deliveryLag: 2))
        return toy
    }

    @Test("an announcement lifts both parties' prices before any cash moves")
    func announcementLiftsPrices() throws {
        let with = try announced().run()
        var toy = announced()
        toy.remove("F5")
        let without = try toy.run()
        for id in ["cloud", "chips"] {
            #expect(with.price(id)[5] > without.price(id)[5] * 1.01, "\(id)")
            #expect(with.price(id)[4] == without.price(id)[4], "\(id)")
            #expect(with.series(id, \.cash)[5] == without.series(id, \.cash)[5], "no cash moves at announcement: \(id)")
        }
        #expect(with.events(.announcement, of: "cloud").contains { $0.period == 5 && $0.deal == "F5" })
    }

    @Test("with M1 off an announcement does not move prices")
    func announcementOff() throws {
        var with = announced()
        with.disable(.liquidityLoop)
        var without = announced()
        without.disable(.liquidityLoop)
        without.remove("F5")
        let a = try with.run()
        let b = try without.run()
        #expect(a.price("cloud")[5] == b.price("cloud")[5])
        #expect(a.price("chips")[5] == b.price("chips")[5])
    }

    /// A lab that cannot pay: little cash, no venture money, and the vendor's investment comes too late.
    func brokeLab() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.entities[0].cash = 1e9
        toy.set("vc", "deploy_share", 0)
        let f1 = toy.scenario.deals.firstIndex { $0.id == "F1" }!
        toy.scenario.deals[f1].tranches = [.init(period: 20, amount: 6e9)]
        return toy
    }

    @Test("a lab that cannot pay cancels its compute contracts and the cloud's backlog and price fall")
    func cancellation() throws {
        let result = try brokeLab().run()
        let cancelled = try #require(result.events.first { $0.type == .contractCancelled && $0.deal == "F2" })
        let t = cancelled.period
        #expect(result.events(.missedPayment, of: "lab").contains { $0.period == t })
        let backlog = result.series("cloud", \.backlog)
        #expect(backlog[t - 1] > 30e9)
        #expect(backlog[t] < 1e-6)
        let healthy = try ToyNetwork().run()
        #expect(result.price("cloud")[t] < healthy.price("cloud")[t])
        #expect(result.summary.broke, "a cancelled contract between cycle members breaks the loop")
        #expect(result.summary.breakPeriod == t)
    }

    @Test("take-or-pay books the contract as backlog at signing and recognises revenue as delivered")
    func backlogAndRecognition() throws {
        let result = try ToyNetwork().run()
        let backlog = result.series("cloud", \.backlog)
        #expect(backlog[0] == 0 && abs(backlog[1] - 36e9) < 1)
        #expect(abs(backlog[4] - 34e9) < 1, "two scheduled $1B payments recognised by period 4")
        let healthy = result.series("cloud", \.revenue)
        var noContract = ToyNetwork()
        noContract.remove("F2")
        let without = try noContract.run().series("cloud", \.revenue)
        #expect(abs(healthy[3] - without[3] - 1e9) < 1, "the scheduled $1B is revenue in period 3")
    }

    @Test("with M3 off there is no backlog and a shortfall does not cancel contracts")
    func takeOrPayOff() throws {
        var toy = brokeLab()
        toy.disable(.computeContracts)
        let result = try toy.run()
        #expect(result.series("cloud", \.backlog).allSatisfy { $0 == 0 })
        let missed = try #require(result.events(.missedPayment, of: "lab").first)
        #expect(!result.events.contains { $0.type == .contractCancelled && $0.deal == "F2" && $0.period == missed.period })
        #expect(result.series("cloud", \.revenue)[missed.period + 1] > result.series("cloud", \.revenue)[1], "the lab keeps paying what it can")
    }
}
