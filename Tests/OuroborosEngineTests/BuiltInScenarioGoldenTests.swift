import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// Golden figures of the built-in `ai-capex-2025` run: a change to the engine or the scenario that
/// moves them must be deliberate (update these numbers in the same commit and say why).
@Suite("ai-capex-2025 golden summary")
struct BuiltInScenarioGoldenTests {
    static func run(_ shocks: [String] = []) throws -> NetworkRunResult {
        guard case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025") else {
            Issue.record("ai-capex-2025 is not a network scenario")
            throw EngineSetupError.invalidCalendar("not a network scenario")
        }
        let parsed = try shocks.map { try NetworkShock.parse($0, calendar: scenario.calendar, entityIDs: scenario.entities.map(\.id)) }
        return try NetworkSimulation(scenario: scenario, shocks: parsed).run()
    }

    /// Issue 12: without the accelerators counted twice (F059/F072/F075 dropped, F057 withdrawn in
    /// 2026-02), with rounds priced on revenue and credit that reprices and rations (CreditPricing),
    /// the first break is Oracle's: rationed and repriced, it misses bond interest in 2027-12 and
    /// F053 (OpenAI → Oracle) is cancelled with it (2027-07 before, through OpenAI's F053 shortfall).
    @Test("the loop breaks in 2027-12 when Oracle misses its bond interest")
    func summary() throws {
        let result = try Self.run()
        #expect(result.scenarioName == "ai-capex-2025")
        #expect(result.periodLabels.first == "2024-12" && result.periodLabels.last == "2030-12")
        #expect(result.summary.broke)
        #expect(result.summary.breakLabel == "2027-12")
        #expect(result.events.contains { $0.type == .default && $0.entity == "oracle" && $0.label == "2027-12" })
        #expect(result.events.contains { $0.type == .dealWithdrawn && $0.deal == "F057" && $0.label == "2026-02" })
        #expect(result.maxRelativeImbalance < 1e-9)
    }

    @Test("the Oracle–Nvidia–OpenAI cycle of the seed essay is among the capital cycles")
    func cycles() throws {
        let result = try Self.run()
        let cycles = result.capitalCycles.map { Set($0.entities) }
        #expect(cycles.contains(["openai", "oracle", "nvidia"]))
        #expect(cycles.contains(["xai", "nvidia"]), "Nvidia invests in xAI (F074), which buys its chips")
        #expect(cycles.contains(["openai", "amazon"]))
    }

    @Test("revenue origins are shares that sum to one for every firm with revenue")
    func origins() throws {
        let result = try Self.run()
        for entity in result.entities where entity.revenueOrigin.revenue > 0 {
            let o = entity.revenueOrigin
            #expect(abs(o.endUsers + o.investors + o.lenders + o.roundTrip + o.other - 1) < 1e-9, "\(entity.id)")
        }
        // CoreWeave's revenue depends more on investor money than Microsoft's, whose legacy business is paid by users.
        let coreweave = try #require(result.entity("coreweave")).revenueOrigin
        let microsoft = try #require(result.entity("microsoft")).revenueOrigin
        #expect(coreweave.endUsers < microsoft.endUsers)
    }

    @Test("an OpenAI default in 2027-01 breaks the loop no later than then")
    func defaultShock() throws {
        let result = try Self.run(["default:openai@2027-01"])
        #expect(result.summary.broke)
        #expect(try #require(result.summary.breakPeriod) <= result.periodLabels.firstIndex(of: "2027-01")!)
        #expect(result.maxRelativeImbalance < 1e-9)
    }

    @Test(
        "every shock of the command line runs with closed matrices",
        arguments: [
            "rate:+300bp@2026-01", "liquidity:-500B@2026-01", "chips:delay=6m@2026-01", "power:-30%@2026-01",
            "demand:-40%@2026-01", "credit:freeze@2026-06", "default:openai@2027-01", "crypto:-50%@2026-03",
            "sentiment:-30%@2026-01",
        ])
    func everyShock(shock: String) throws {
        let result = try Self.run([shock])
        #expect(result.maxRelativeImbalance < 1e-9)
        #expect(result.events.contains { $0.type == .shock })
    }

    @Test("a demand shock cuts the labs' revenue in the months after it")
    func demandShock() throws {
        let base = try Self.run()
        let shocked = try Self.run(["demand:-40%@2026-01"])
        let t = try #require(base.periodLabels.firstIndex(of: "2026-03"))
        for lab in ["openai", "anthropic"] {
            #expect(try #require(shocked.entity(lab)).revenue[t] < (try #require(base.entity(lab))).revenue[t], "\(lab)")
        }
    }

    @Test("a chip delay lowers Nvidia's revenue while it lasts")
    func chipDelay() throws {
        let base = try Self.run()
        let shocked = try Self.run(["chips:delay=6m@2026-01"])
        let t = try #require(base.periodLabels.firstIndex(of: "2026-02"))
        #expect(try #require(shocked.entity("nvidia")).revenue[t] < (try #require(base.entity("nvidia"))).revenue[t])
    }
}
