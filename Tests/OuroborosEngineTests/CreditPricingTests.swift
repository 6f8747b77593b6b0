import OuroborosScenario
import Testing

@testable import OuroborosEngine

@Suite("M4 credit pricing: spreads that follow the borrower")
struct CreditPricingTests {
    let pricing = CreditPricing()

    @Test("the add-on rises with leverage and falls with coverage")
    func direction() {
        let market = (liquidity: 1.0, sentiment: 1.0, strain: 0.0)
        func addOn(_ leverage: Double, _ coverage: Double) -> Double {
            pricing.addOn(leverage: leverage, coverage: coverage, liquidity: market.liquidity, sentiment: market.sentiment, strain: market.strain)
        }
        #expect(addOn(0, .infinity) == 0, "an unlevered borrower in a calm market pays its base spread")
        #expect(addOn(10, .infinity) > addOn(5, .infinity))
        #expect(addOn(5, .infinity) > addOn(2, .infinity))
        #expect(addOn(2, 1) > addOn(2, 2))
        #expect(addOn(2, 2) > addOn(2, 8))
        #expect(addOn(2, 8) == addOn(2, .infinity), "coverage above the reference adds nothing")
        #expect(pricing.leverage(debt: 10, cashFlow: 0) == pricing.leverageCap, "no cash flow: leverage at its cap")
        #expect(pricing.coverage(cashFlow: -5, interest: 1) == 0)
    }

    @Test("liquidity, sentiment and the strain premium widen every borrower's spread")
    func marketTerms() {
        #expect(pricing.marketTerm(liquidity: 0.8, sentiment: 1, strain: 0) > 0)
        #expect(pricing.marketTerm(liquidity: 1, sentiment: 0.6, strain: 0) > pricing.marketTerm(liquidity: 1, sentiment: 0.9, strain: 0))
        #expect(pricing.marketTerm(liquidity: 1, sentiment: 1, strain: 0.01) == 0.01 * pricing.strainBeta)
        #expect(pricing.marketTerm(liquidity: 1.3, sentiment: 1.5, strain: 0) == 0, "plenty does not push spreads below their base")
    }

    @Test("spreads are bounded; the credit limit shrinks as the spread widens")
    func bounds() {
        #expect(pricing.spread(base: 0.02, addOn: 0.01) == 0.03)
        #expect(pricing.spread(base: 0.2, addOn: 0.2) == pricing.spreadMax)
        #expect(pricing.spread(base: 0.3, addOn: 0.1) == 0.3, "a base spread above the cap is kept")
        let calm = pricing.limit(cashFlow: 10e9, backlog: 0, addOn: 0)
        let wide = pricing.limit(cashFlow: 10e9, backlog: 0, addOn: 0.05)
        #expect(calm == pricing.limitMultiple * 10e9)
        #expect(wide < calm)
        #expect(pricing.limit(cashFlow: -1e9, backlog: 40e9, addOn: 0) == pricing.backlogAdvance * 40e9, "contracted backlog still counts")
        #expect(
            pricing.limit(cashFlow: 10e9, backlog: 0, addOn: 0, coverage: pricing.coverageFloor / 2) == 0,
            "below the coverage floor, no cash-flow lending")
    }

    @Test("a floating position's interest follows the borrower's spread each period")
    func floatingInterest() throws {
        let toy = ToyNetwork()
        let calm = try toy.run()
        let result = try toy.run([shock(.liquidity, -600e9, at: 5)])
        for run in [calm, result] {
            let borrowed = run.events.filter { $0.entity == "cloud" && [.bondIssued, .loanDrawn, .privateCreditDrawn].contains($0.type) }
            try #require(borrowed.allSatisfy { $0.period > 11 }, "the cloud keeps only its opening debt up to period 11")
        }
        let cloud = try #require(result.entity("cloud"))
        let base = cloud.creditSpread[0]
        #expect(abs(base - 0.015) < 1e-12, "period 0 records the base loan spread")
        #expect(cloud.creditSpread[6] > cloud.creditSpread[4] + 0.001, "less liquidity widens the spread")
        #expect(cloud.creditSpread[6] > calm.entity("cloud")!.creditSpread[6])
        // Opening debt: $20B of bonds at 1% and $5B of loans at 1.5% over the policy rate (4%), both floating.
        for t in 2...10 {
            let addOn = cloud.creditSpread[t] - 0.015
            let expected = (20e9 * (0.04 + 0.01 + addOn) + 5e9 * (0.04 + 0.015 + addOn)) / 12
            #expect(abs(cloud.interest[t] - expected) < 1e-6 * expected, "period \(t)")
        }
        #expect(cloud.interest[6] > calm.entity("cloud")!.interest[6])
    }

    @Test("more opening debt, a wider spread; more cash flow, a narrower one")
    func borrowerState() throws {
        var levered = ToyNetwork()
        levered.scenario.entities[1].bankLoans = 300e9
        var plain = ToyNetwork()
        plain.scenario.entities[1].bankLoans = 100e9
        let high = try levered.run().entity("cloud")!.creditSpread
        let low = try plain.run().entity("cloud")!.creditSpread
        #expect(high[2] > low[2])
        var rich = plain
        rich.set("cloud", "legacy_revenue", 120e9)
        let richer = try rich.run().entity("cloud")!.creditSpread
        #expect(richer[2] < low[2])
    }

    @Test("with M4 off spreads stay at their base values")
    func hierarchyOff() throws {
        var toy = ToyNetwork()
        toy.disable(.fundingHierarchy)
        let cloud = try toy.run([shock(.liquidity, -600e9, at: 5)]).entity("cloud")!
        #expect(cloud.creditSpread.allSatisfy { abs($0 - 0.015) < 1e-12 })
    }

    @Test("a default raises the risk premium and spreads, and lowers sentiment, by the next period")
    func defaultStrains() throws {
        let toy = ToyNetwork()
        let calm = try toy.run()
        let hit = try toy.run([shock(.default, 0, at: 8, target: "lab")])
        #expect(hit.macro.sentiment[8] < calm.macro.sentiment[8])
        #expect(hit.macro.riskPremium[8] == calm.macro.riskPremium[8], "the premium moves at the next macro step")
        // One default (premium_default_hit, 0.25%) and the cancellations it causes on the cycle (0.05% each).
        #expect(hit.macro.riskPremium[9] > calm.macro.riskPremium[9] + 0.0025)
        #expect(hit.entity("cloud")!.creditSpread[9] > calm.entity("cloud")!.creditSpread[9] + 0.0025)
        #expect(hit.macro.sentiment[9] < calm.macro.sentiment[9])
        var off = toy
        off.disable(.contagion)
        let frozen = try off.run([shock(.default, 0, at: 8, target: "lab")])
        #expect(abs(frozen.macro.riskPremium[9] - calm.macro.riskPremium[9]) < 1e-12, "with M11 off failures do not reprice")
    }

    @Test("cancellations on a capital cycle count as strain")
    func cancellationsStrain() {
        #expect(EngineEvent.Kind.contractCancelled.isStrain)
        #expect(EngineEvent.Kind.missedPayment.isStrain)
        #expect(!EngineEvent.Kind.creditRationed.isStrain && !EngineEvent.Kind.creditRationed.isFailure)
    }
}
