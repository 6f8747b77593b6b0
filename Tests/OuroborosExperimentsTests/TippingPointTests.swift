import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import TestSupport
import Testing

/// Tipping points on `Fixtures.labAndCloud`, whose answer is known by hand: a demand shock of −x
/// breaks the loop within the horizon iff x > 5/23, and by month m iff x > 5/m.
@Suite("tipping points")
struct TippingPointTests {
    static func scenario() throws -> NetworkScenario {
        guard case .network(let scenario) = try ScenarioLoader.parse(Fixtures.labAndCloud(), file: "lab-and-cloud.yaml") else {
            fatalError("fixture is a network scenario")
        }
        return scenario
    }

    static func demandShock(_ scenario: NetworkScenario) throws -> NetworkShock {
        try NetworkShock.parse("demand:-1%@2025-01", calendar: scenario.calendar, entityIDs: scenario.entities.map(\.id))
    }

    @Test("the smallest demand shock that breaks the loop within the horizon is −5/23")
    func horizon() throws {
        let scenario = try Self.scenario()
        let search = try TippingPointSearch(scenario: scenario, shock: Self.demandShock(scenario), tolerance: 1e-5)
        let point = try search.run()
        let size = try #require(point.size)
        #expect(abs(size - -5.0 / 23) < 2e-5, "found \(size)")
        #expect(point.breaking?.breakLabel == "2026-11")
        #expect(point.breaking?.firstFailure?.type == .contractCancelled)
        #expect(point.breaking?.firstFailure?.entity == "lab")
        #expect(try #require(point.lastHolding) > -5.0 / 23)
    }

    @Test("with a deadline of 2025-12 (month 12) the answer is −5/12")
    func deadline() throws {
        let scenario = try Self.scenario()
        let search = try TippingPointSearch(scenario: scenario, shock: Self.demandShock(scenario), deadline: 12, tolerance: 1e-5)
        let size = try #require(try search.run().size)
        #expect(abs(size - -5.0 / 12) < 2e-5, "found \(size)")
    }

    @Test("no size in a range that stops short of the tipping point breaks the loop; a shock with no size is refused")
    func noBreak() throws {
        let scenario = try Self.scenario()
        let point = try TippingPointSearch(scenario: scenario, shock: Self.demandShock(scenario), mild: 0, severe: -0.2).run()
        #expect(point.size == nil)
        #expect(point.probes.count == 11 && point.probes.allSatisfy { !$0.broke })  // the mild end and 10 scan steps
        let credit = try NetworkShock.parse("credit:freeze@2025-06", calendar: scenario.calendar, entityIDs: ["lab", "cloud"])
        #expect(throws: TippingPointError.self) { try TippingPointSearch(scenario: scenario, shock: credit) }
    }
}
