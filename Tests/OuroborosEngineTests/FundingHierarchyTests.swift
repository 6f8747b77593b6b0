import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("M4 funding hierarchy and M9 money multiplier")
struct FundingHierarchyTests {
    /// The toy network with a $60B capex plan for the cloud over periods 3–14.
    func capexHeavy() -> ToyNetwork {
        var toy = ToyNetwork()
        toy.scenario.deals.append(
            DealSpec(
                id: "P1", kind: .capexPlan, from: "cloud", to: "chips", amount: 60e9, announced: 1,
                signed: 1, tranches: (3...14).map { .init(period: $0, amount: 5e9) }))
        return toy
    }

    @Test("capex beyond cash flow is funded with bonds first")
    func bondsFirst() throws {
        let result = try capexHeavy().run()
        let bonds = result.events(.bondIssued, of: "cloud")
        #expect(!bonds.isEmpty)
        #expect(result.events(.loanDrawn, of: "cloud").isEmpty)
        let cloud = try #require(result.entity("cloud"))
        #expect(cloud.debtShareOfCapex > 0.1)
        #expect(cloud.interestBurden > 0)
    }

    @Test("a credit freeze pushes a cloud down the funding hierarchy to bank loans")
    func creditFreeze() throws {
        let result = try capexHeavy().run([shock(.credit, 0, at: 2)])
        #expect(result.events(.bondIssued, of: "cloud").isEmpty)
        #expect(!result.events(.loanDrawn, of: "cloud").isEmpty)
        #expect(!result.events(.privateCreditDrawn, of: "cloud").contains { $0.period >= 2 })
    }

    @Test("bank lending is bounded by bank capital; beyond it private credit, then capex cuts")
    func capitalBound() throws {
        var toy = capexHeavy()
        toy.set("bank", "capital", 1e9)
        let open = try toy.run([shock(.rate, 0, at: 1)])
        let bondsAndCredit = open.events.filter { $0.entity == "cloud" && ($0.type == .bondIssued || $0.type == .privateCreditDrawn) }
        #expect(!bondsAndCredit.isEmpty)
        let frozen = try toy.run([shock(.credit, 0, at: 2)])
        let loans = frozen.events(.loanDrawn, of: "cloud").reduce(0) { $0 + $1.amount }
        #expect(loans <= 1e9 / 0.08, "loans within capital / capital ratio")
        #expect(!frozen.events(.capexCut, of: "cloud").isEmpty)
        var unbounded = toy
        unbounded.disable(.moneyMultiplier)
        let free = try unbounded.run([shock(.credit, 0, at: 2)])
        #expect(free.events(.capexCut, of: "cloud").isEmpty, "with M9 off banks lend without limit")
    }

    @Test("AI funding needs beyond free liquidity raise the risk premium (capital competition)")
    func capitalCompetition() throws {
        var toy = capexHeavy()
        toy.set(group: "market", "free_liquidity", 20e9)
        toy.set(group: "market", "capital_competition", 0.05)
        let on = try toy.run()
        #expect(on.macro.riskPremium.max()! > 0.05 + 1e-6)
        toy.disable(.moneyMultiplier)
        let off = try toy.run()
        #expect(off.macro.riskPremium.allSatisfy { abs($0 - 0.05) < 1e-12 })
    }

    @Test("opening debt matures in yearly slices and is repaid or refinanced")
    func refinancingWall() throws {
        let result = try ToyNetwork().run()
        let debt = result.series("cloud", \.debt)
        #expect(abs(debt[0] - 25e9) < 1)
        #expect(abs(debt[12] - 20e9) < 1, "a fifth of the opening debt falls due after a year")
    }

    @Test("with M4 off any shortfall is an unlimited bank loan, even in a freeze")
    func hierarchyOff() throws {
        var toy = capexHeavy()
        toy.set("bank", "capital", 1e9)
        toy.disable(.fundingHierarchy)
        let result = try toy.run([shock(.credit, 0, at: 2)])
        #expect(result.events(.bondIssued, of: "cloud").isEmpty)
        #expect(!result.events(.loanDrawn, of: "cloud").isEmpty)
        #expect(result.events(.capexCut, of: "cloud").isEmpty)
    }
}
