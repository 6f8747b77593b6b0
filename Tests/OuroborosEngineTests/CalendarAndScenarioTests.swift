import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

@Suite("Calendars and the built-in scenario")
struct CalendarAndScenarioTests {
    @Test("a quarterly run steps three months at a time and closes")
    func quarterly() throws {
        var toy = ToyNetwork(periods: 8)
        toy.scenario.calendar = Timeline(start: CalendarPeriod(year: 2025, month: 1), step: .quarterly, periods: 8)
        for (k, deal) in toy.scenario.deals.enumerated() {
            switch deal.id {
            case "F1": toy.scenario.deals[k].tranches = [.init(period: 2, amount: 3e9), .init(period: 4, amount: 3e9)]
            case "F2": toy.scenario.deals[k].tranches = (2...7).map { .init(period: $0, amount: 6e9) }
            default: break
            }
        }
        let result = try toy.run()
        #expect(result.periodLabels == ["2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3", "2026Q4"])
        #expect(abs(result.series("cloud", \.revenue)[1] - 40e9 / 4) < 1, "legacy revenue for a quarter")
        #expect(result.series("cloud", \.capacityGW)[8] > 2)
        #expect(result.series("chips", \.revenue)[3] > 4e9, "three months of deliveries in a quarter")
    }

    @Test("a scenario without deals or markets runs: the engine adds households, a bank and bond investors")
    func minimal() throws {
        let calendar = Timeline(start: CalendarPeriod(year: 2026, month: 1), periods: 12)
        let scenario = NetworkScenario(
            name: "lab alone", calendar: calendar,
            entities: [
                EntitySpec(
                    id: "lab", name: "Lab", sector: .modelLab, cash: 1e9,
                    parameters: ["paying_users": 1e6, "arpu": 240])
            ],
            macro: MacroPaths(policyRate: [0.04], liquidity: [1], reserveRatio: [0.1], capitalRatio: [0.08]))
        let result = try NetworkSimulation(scenario: scenario).run()
        #expect(result.maxRelativeImbalance < 1e-9)
        #expect(result.entities.count == 1)
        #expect(abs(result.entity("lab")!.revenue[1] - 20e6) < 1e-3)
        #expect(result.capitalCycles.isEmpty && !result.summary.broke)
        #expect(result.summary.weakestLink == "no capital cycle among the deals")
    }

    @Test("the built-in ai-capex-2025 scenario runs, closes and reports its loop")
    func builtIn() throws {
        let scenario = try #require(Self.builtInScenario())
        let result = try NetworkSimulation(scenario: scenario).run()
        #expect(result.maxRelativeImbalance < 1e-9)
        #expect(result.periodLabels.count == scenario.calendar.periods + 1)
        #expect(!result.capitalCycles.isEmpty)
        #expect(!result.summary.weakestLink.isEmpty)
        #expect(result.entities.allSatisfy { $0.cash.allSatisfy { $0.isFinite } })
    }

    /// The built-in scenario, when it loads.
    static func builtInScenario() -> NetworkScenario? {
        if case .network(let scenario)? = try? ScenarioLoader.builtIn("ai-capex-2025") { return scenario }
        let path = String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")
        if case .network(let scenario)? = try? ScenarioLoader.load(path: "/\(path)/Sources/OuroborosScenario/BuiltIn/ai-capex-2025.yaml") {
            return scenario
        }
        return nil
    }
}
