import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("scripted withdrawals of deals")
struct DealWithdrawalTests {
    /// The toy network with `id` withdrawn from `period` (share `share`).
    func withdrawn(_ id: String, at period: Int, share: Double = 1) -> ToyNetwork {
        var toy = ToyNetwork()
        let k = toy.scenario.deals.firstIndex { $0.id == id }!
        toy.scenario.deals[k].withdrawal = DealSpec.Withdrawal(period: period, share: share, note: "stalled")
        return toy
    }

    @Test("a withdrawn compute contract takes its rest off the seller's backlog, stops billing and does not break the loop")
    func computeContract() throws {
        let base = try ToyNetwork().run()
        let result = try withdrawn("F2", at: 10).run()
        let event = try #require(result.events(.dealWithdrawn, of: "lab").first)
        #expect(event.period == 10 && event.deal == "F2" && event.counterparty == "cloud")
        // The rest at period 10: $36B less the nine $1B bills of periods 3…9 (all paid in the base run).
        #expect(abs(event.amount - 29e9) < 1e-3 * 29e9, "dropped \(event.amount)")
        let backlog = result.series("cloud", \.backlog)
        let baseBacklog = base.series("cloud", \.backlog)
        #expect(abs((baseBacklog[10] - backlog[10]) - (29e9 - 1e9)) < 1e6, "base still bills $1B in period 10")
        #expect(result.events.filter { $0.type == .contractCancelled && $0.deal == "F2" }.isEmpty)
        #expect(result.series("lab", \.cash)[12] > base.series("lab", \.cash)[12], "no more compute bills")
        #expect(result.summary.breakPeriod != 10, "an agreed withdrawal is not a break")
        #expect(result.price("cloud")[10] < base.price("cloud")[10], "the news moves the seller's price down (M1)")
    }

    @Test("a half-withdrawn equity commitment pays half of its later tranche, and nothing before the date changes")
    func equityHalf() throws {
        let base = try ToyNetwork().run()
        let result = try withdrawn("F1", at: 5, share: 0.5).run()
        let funded = result.events.filter { $0.type == .trancheFunded && $0.deal == "F1" }
        #expect(funded.map(\.amount) == [3e9, 1.5e9], "\(funded.map(\.amount))")
        let dropped = try #require(result.events(.dealWithdrawn, of: "chips").first)
        #expect(dropped.amount == 1.5e9)
        #expect(result.series("lab", \.cash)[4] == base.series("lab", \.cash)[4])
    }

    @Test("a chip order withdrawn before it ships leaves the chipmaker's backlog and revenue")
    func chipOrder() throws {
        let result = try withdrawn("F3", at: 1).run()
        #expect(result.events.filter { $0.type == .chipDelivery && $0.deal == "F3" }.isEmpty)
        #expect(try #require(result.events(.dealWithdrawn, of: "cloud").first).amount == 9e9)
    }
}

@Suite("private valuations (M7)")
struct PrivateValuationTests {
    @Test("a reported post-money sets the lab's mark when its tranche is paid")
    func postMoney() throws {
        var toy = ToyNetwork()
        let k = toy.scenario.deals.firstIndex { $0.id == "F1" }!
        toy.scenario.deals[k].postMoney = 250e9
        let result = try toy.run()
        let value = result.series("lab", \.marketValue)
        let revenue = result.series("lab", \.revenue)
        // The round is priced on last period's revenue; the mark at the period's end moves with this period's.
        let expected = 250e9 * revenue[3] / revenue[2]
        #expect(abs(value[3] - expected) < 1e-9 * expected, "marked at the round: \(value[3]) vs \(expected)")
        #expect(abs(try ToyNetwork().run().series("lab", \.marketValue)[3] - 250e9) > 1e9)
    }

    /// The toy lab marked at about 6.8× its opening revenue, with no reversion of the multiple.
    func modestLab() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.entities[0].privateValuation = 30e9
        toy.set("lab", "multiple_half_life_months", 0)
        toy.set("lab", "min_revenue_multiple", 5)
        toy.set("lab", "max_revenue_multiple", 8)
        return toy
    }

    @Test("sentiment moves the multiple only within its bounds")
    func bounded() throws {
        let calm = try modestLab().run()
        let euphoric = try modestLab().run([shock(.sentiment, 1.0, at: 4)])
        let gloomy = try modestLab().run([shock(.sentiment, -0.6, at: 4)])
        func multiple(_ r: NetworkRunResult, _ t: Int) -> Double { r.series("lab", \.marketValue)[t] / (r.series("lab", \.revenue)[t] * 12) }
        // Sentiment ×2 would take the multiple to about 14×, ×0.4 to about 3×: the bounds bind.
        #expect(multiple(calm, 4) > 5 && multiple(calm, 4) < 8)
        #expect(abs(multiple(euphoric, 4) - 8) < 1e-9, "capped at 8×: \(multiple(euphoric, 4))")
        #expect(abs(multiple(gloomy, 4) - 5) < 1e-9, "floored at 5×: \(multiple(gloomy, 4))")
        // Until the lab's next round (whose post-money adds the cash raised and becomes the new reference).
        for run in [euphoric, gloomy] {
            let firstRound = run.events(.roundRaised, of: "lab").first?.period ?? run.series("lab", \.revenue).count
            for t in 4..<firstRound {
                #expect(multiple(run, t) <= 8 * (1 + 1e-9) && multiple(run, t) >= 5 * (1 - 1e-9), "period \(t): \(multiple(run, t))")
            }
        }
    }
}
