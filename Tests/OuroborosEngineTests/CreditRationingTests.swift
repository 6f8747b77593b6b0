import OuroborosScenario
import Testing

@testable import OuroborosEngine

@Suite("M4 credit limits and rationing, M11 losses through DebtRank")
struct CreditRationingTests {
    /// The toy network whose cloud earns little, may issue no bonds and must fund a $60B capex plan
    /// over periods 3–14: a weak borrower.
    func weakBorrower() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.set("cloud", "legacy_revenue", 4e9)
        toy.set("cloud", "bond_capacity_multiple", 0)
        toy.set(group: "market", "credit_backlog_advance", 0)
        toy.scenario.deals.append(
            DealSpec(
                id: "P1", kind: .capexPlan, from: "cloud", to: "chips", amount: 60e9, announced: 1,
                signed: 1, tranches: (3...14).map { .init(period: $0, amount: 5e9) }))
        return toy
    }

    /// The rationing events of `result` for the cloud.
    func rationed(_ result: NetworkRunResult) -> [(event: EngineEvent, asked: Double, granted: Double, reason: EventCause.RationingReason)] {
        result.events(.creditRationed, of: "cloud").compactMap { event in
            guard case .creditRationed(_, _, let asked, let granted, let reason) = event.reason else { return nil }
            return (event, asked, granted, reason)
        }
    }

    @Test("a weak borrower is rationed at its credit limit: asked, granted, the event, capex cut")
    func weakBorrowerRationed() throws {
        let result = try weakBorrower().run()  // run() checks that the ledger closes every period
        let events = rationed(result)
        let first = try #require(events.first)
        #expect(first.asked > first.granted + 1)
        #expect(abs(first.event.amount - (first.asked - first.granted)) < 1e-3)
        #expect(first.event.counterparty == "bank" || first.event.counterparty == "pc")
        guard case .creditLimit(let debt, let limit) = first.reason else {
            Issue.record("expected the credit limit, got \(first.reason)")
            return
        }
        #expect(first.granted <= max(0, limit - debt) + 1, "nothing beyond the limit")
        #expect(first.event.description.contains("credit limit"))
        #expect(!result.events(.capexCut, of: "cloud").isEmpty, "the unmet rest is a shortfall: capex is cut")
        let bank = result.events(.loanDrawn, of: "cloud").reduce(0) { $0 + $1.amount }
        var unlimited = weakBorrower()
        unlimited.set(group: "market", "credit_limit_multiple", 1000)
        unlimited.set(group: "market", "credit_coverage_floor", 0)
        let free = try unlimited.run()
        #expect(rationed(free).isEmpty)
        #expect(free.events(.loanDrawn, of: "cloud").reduce(0) { $0 + $1.amount } > bank)
    }

    @Test("coverage below the floor stops new lending")
    func coverageFloor() throws {
        var toy = weakBorrower()
        toy.set(group: "market", "credit_coverage_floor", 1000)
        let result = try toy.run()
        let events = rationed(result)
        #expect(!events.isEmpty)
        #expect(events.allSatisfy { $0.granted == 0 })
        #expect(events.contains { if case .coverageBelowFloor = $0.reason { true } else { false } })
        #expect(result.events(.loanDrawn, of: "cloud").isEmpty && result.events(.privateCreditDrawn, of: "cloud").isEmpty)
    }

    @Test("with M9 off banks lend without a credit limit; with M4 off nobody is rationed")
    func switches() throws {
        var noMultiplier = weakBorrower()
        noMultiplier.disable(.moneyMultiplier)
        let free = try noMultiplier.run()
        #expect(!rationed(free).contains { $0.event.counterparty == "bank" })
        #expect(free.events(.capexCut, of: "cloud").isEmpty)
        var noHierarchy = weakBorrower()
        noHierarchy.disable(.fundingHierarchy)
        let flat = try noHierarchy.run()
        #expect(rationed(flat).isEmpty)
        #expect(flat.events(.capexCut, of: "cloud").isEmpty, "any shortfall is an unlimited bank loan")
    }

    /// The toy network in which the listed chipmaker also lends $6B of vendor financing to the lab.
    func vendorLender() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.deals.append(
            DealSpec(
                id: "V1", kind: .vendorFinancing, from: "chips", to: "lab", amount: 6e9, announced: 2,
                signed: 2, tranches: [.init(period: 2, amount: 6e9)]))
        return toy
    }

    @Test("DebtRank distress after a write-off lowers the listed lender's price")
    func listedLenderPrice() throws {
        let shocks = [shock(.default, 0, at: 8, target: "lab")]
        let result = try vendorLender().run(shocks)
        #expect(result.events(.loss, of: "chips").contains { $0.counterparty == "lab" && $0.period == 8 })
        var unpriced = vendorLender()
        unpriced.set(group: "market", "debtrank_price_share", 0)
        let plain = try unpriced.run(shocks)
        #expect(result.price("chips")[8] == plain.price("chips")[8], "the price moves from the next repricing on")
        #expect(result.price("chips")[9] < plain.price("chips")[9] * 0.999)
        #expect(result.price("chips")[12] < plain.price("chips")[12] * 0.999, "the factor persists")
        // The founder holds chipmaker shares: the lender's distress reaches its shareholders through the price.
        #expect(result.series("founder", \.marketValue)[9] < plain.series("founder", \.marketValue)[9])
    }

    @Test("no losses, no DebtRank: prices are those of a run without it")
    func quietPeriods() throws {
        let calm = try vendorLender().run()
        var unpriced = vendorLender()
        unpriced.set(group: "market", "debtrank_price_share", 0)
        let plain = try unpriced.run()
        #expect(calm.price("chips") == plain.price("chips"))
    }
}
