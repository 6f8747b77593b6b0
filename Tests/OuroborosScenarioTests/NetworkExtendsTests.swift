import Foundation
import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// `extends:`: a file that starts from another scenario and overrides it.
@Suite("network scenario extends")
struct NetworkExtendsTests {
    static let base = """
        kind: network
        name: base
        description: The base network.
        calendar: {start: 2025-01, end: 2026-12, step: monthly}
        seed: 7
        mechanisms: {M9: off, M4: off}
        macro: {policy_rate: {2025-01: 4%, 2026-01: 3%}}
        behaviour: {model_lab: {runway_trigger_months: 10, round_months: 20}}
        entities:
          lab: {name: Lab, sector: model_lab, cash: $10B, params: {arpu: $200}}
          cloud: {name: Cloud, sector: hyperscaler, cash: $5B}
        markets:
          cloud: {kind: equity, units: 1B, price: $100, duration: 10, depth: $5B, holders: {lab: 1M}}
        deals:
          - {id: D1, kind: compute_contract, from: lab, to: cloud, amount: $12B, announced: 2025-03, schedule: {start: 2025-06, months: 12}}
          - {id: D2, kind: equity_investment, from: cloud, to: lab, amount: $1B, announced: 2025-02}
          - {id: D3, kind: bank_loan, from: cloud, to: lab, amount: $2B, announced: 2025-04}
        shocks: [rate:+100bp@2026-01]

        """

    static let child = """
        kind: network
        extends: base.yaml
        name: child
        seed: 8
        mechanisms: {M4: on}
        macro: {liquidity: 0.9}
        behaviour: {model_lab: {round_months: 24}}
        entities:
          lab: {cash: $20B, params: {paying_users: 5M}}
          chip: {name: Chip, sector: chipmaker}
        markets:
          cloud: {price: $120}
        deals:
          - remove: [D3]
          - {id: D2, kind: equity_investment, from: cloud, to: lab, amount: $3B, announced: 2025-05}
          - {id: D4, kind: chip_order, from: cloud, to: chip, amount: $4B, announced: 2025-07, delivery_lag: 6m}
        shocks: [demand:-40%@2026-06]

        """

    /// A fresh directory holding `files` (name → text).
    static func directory(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ouroboros-extends-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
        }
        return path
    }

    static func load(_ path: String) throws -> NetworkScenario {
        guard case .network(let scenario) = try ScenarioLoader.load(path: path) else {
            Issue.record("expected a network scenario")
            throw DiagnosticList([])
        }
        return scenario
    }

    /// The diagnostics of loading `path`, as printed.
    static func errors(_ path: String) -> [String] {
        do {
            _ = try ScenarioLoader.load(path: path)
            return []
        } catch {
            guard case .invalid(let list) = error else { return [error.description] }
            return list.diagnostics.map(\.description)
        }
    }

    @Test("scalars replace; macro, behaviour and mechanisms merge one level down")
    func scalarsAndSections() throws {
        let dir = try Self.directory(["base.yaml": Self.base, "child.yaml": Self.child])
        let scenario = try Self.load(dir + "/child.yaml")
        #expect(scenario.name == "child")
        #expect(scenario.description == "The base network.")
        #expect(scenario.seed == 8)
        #expect(scenario.calendar.periods == 24)
        #expect(scenario.disabledMechanisms == [.moneyMultiplier])
        #expect(scenario.macro.policyRate[12] == 0.04 && scenario.macro.policyRate[13] == 0.03, "kept from the base")
        #expect(scenario.macro.liquidity == Array(repeating: 0.9, count: 25))
        #expect(scenario.behaviour["model_lab"]?["runway_trigger_months"] == 10)
        #expect(scenario.behaviour["model_lab"]?["round_months"] == 24)
    }

    @Test("an entity or market is changed key by key; a new one is added")
    func entitiesAndMarkets() throws {
        let dir = try Self.directory(["base.yaml": Self.base, "child.yaml": Self.child])
        let scenario = try Self.load(dir + "/child.yaml")
        #expect(scenario.entities.map(\.id) == ["lab", "cloud", "chip"])
        let lab = scenario.entities[0]
        #expect(lab.name == "Lab" && lab.sector == .modelLab && lab.cash == 20e9)
        #expect(lab.parameters == ["arpu": 200, "paying_users": 5e6])
        #expect(lab.location == SourceLocation(file: dir + "/child.yaml", line: 9, column: 3))
        #expect(scenario.entities[1].cash == 5e9)
        #expect(scenario.entities[2].sector == .chipmaker)
        let market = scenario.markets[0]
        #expect(market.price == 120 && market.units == 1e9 && market.issuer == "cloud" && market.holders.map(\.units) == [1e6])
    }

    @Test("deals: replace by id in place, add new ones, remove listed ones; shocks are appended")
    func dealsAndShocks() throws {
        let dir = try Self.directory(["base.yaml": Self.base, "child.yaml": Self.child])
        let scenario = try Self.load(dir + "/child.yaml")
        #expect(scenario.deals.map(\.id) == ["D1", "D2", "D4"])
        #expect(scenario.deals[0].tranches.count == 12)
        #expect(scenario.deals[0].location?.file == dir + "/base.yaml")
        #expect(scenario.deals[1].amount == 3e9 && scenario.deals[1].announced == 5)
        #expect(scenario.deals[2].deliveryLag == 6)
        #expect(scenario.shocks.map(\.text) == ["rate:+100bp@2026-01", "demand:-40%@2026-06"])
    }

    @Test("a different calendar moves the base's dates to the periods holding their months")
    func newCalendar() throws {
        let child = "kind: network\nextends: base.yaml\ncalendar: {start: 2025-01, end: 2026-12, step: quarterly}\n"
        let dir = try Self.directory(["base.yaml": Self.base, "q.yaml": child])
        let scenario = try Self.load(dir + "/q.yaml")
        #expect(scenario.name == "base")
        #expect(scenario.calendar.periods == 8)
        #expect(scenario.deals[0].announced == 1)
        #expect(
            scenario.deals[0].tranches == [
                DealSpec.Tranche(period: 2, amount: 1e9), DealSpec.Tranche(period: 3, amount: 3e9), DealSpec.Tranche(period: 4, amount: 3e9),
                DealSpec.Tranche(period: 5, amount: 3e9), DealSpec.Tranche(period: 6, amount: 2e9),
            ])
        #expect(scenario.shocks.map(\.period) == [5])
        #expect(scenario.macro.policyRate == [0.04, 0.04, 0.04, 0.04, 0.04, 0.03, 0.03, 0.03, 0.03])
    }

    @Test("a shorter calendar reports the base's deals and shocks it leaves out, at the calendar")
    func shorterCalendar() throws {
        let child = "kind: network\nextends: base.yaml\ncalendar: {start: 2025-01, end: 2025-06}\ndeals:\n  - remove: [D3]\n"
        let dir = try Self.directory(["base.yaml": Self.base, "s.yaml": child])
        let found = Self.errors(dir + "/s.yaml")
        #expect(
            found == [
                "\(dir)/s.yaml:3:1: error: the calendar here (2025-01 … 2025-06) leaves deal 'D1' of the base scenario (\(dir)/base.yaml:15:5) outside it: a tranche in 2025-07, a tranche in 2025-08, a tranche in 2025-09, a tranche in 2025-10, a tranche in 2025-11, a tranche in 2025-12, a tranche in 2026-01, a tranche in 2026-02, a tranche in 2026-03, a tranche in 2026-04, a tranche in 2026-05; drop it with '- remove: [D1]' under deals or replace it",
                "\(dir)/s.yaml:3:1: error: the calendar here (2025-01 … 2025-06) leaves the base scenario's shock 'rate:+100bp@2026-01' outside it",
            ])
    }

    @Test("errors in the base file carry its name, with a note at 'extends'")
    func baseErrors() throws {
        let base = Self.base.replacingOccurrences(of: "sector: hyperscaler", with: "sector: hyperscalar")
        let dir = try Self.directory(["base.yaml": base, "child.yaml": Self.child])
        let found = Self.errors(dir + "/child.yaml")
        #expect(found.count == 2)
        #expect(found.first?.hasPrefix("\(dir)/base.yaml:11:32: error: unknown sector 'hyperscalar' for entity 'cloud'") == true, "\(found)")
        #expect(
            found.last == "\(dir)/child.yaml:2:10: error: the scenario 'base.yaml' named by 'extends' has errors (reported under \(dir)/base.yaml)")
    }

    @Test("an extends cycle is reported where it closes")
    func cycle() throws {
        let a = "kind: network\nextends: b.yaml\nname: a\n"
        let b = "kind: network\nextends: a.yaml\nname: b\n"
        let dir = try Self.directory(["a.yaml": a, "b.yaml": b, "self.yaml": "kind: network\nextends: self.yaml\n"])
        #expect(
            Self.errors(dir + "/a.yaml") == [
                "\(dir)/a.yaml:2:10: error: the scenario 'b.yaml' named by 'extends' has errors (reported under \(dir)/b.yaml)",
                "\(dir)/b.yaml:2:10: error: 'extends' makes a cycle: \(dir)/a.yaml → \(dir)/b.yaml → \(dir)/a.yaml",
            ])
        #expect(Self.errors(dir + "/self.yaml") == ["\(dir)/self.yaml:2:10: error: 'extends' makes a cycle: \(dir)/self.yaml → \(dir)/self.yaml"])
    }

    @Test("a missing base, a base of another kind, and remove of an unknown deal")
    func badReferences() throws {
        let dir = try Self.directory([
            "base.yaml": Self.base,
            "missing.yaml": "kind: network\nextends: nowhere.yaml\n",
            "equations.yaml": "kind: network\nextends: sim\n",
            "remove.yaml": "kind: network\nextends: base.yaml\ndeals:\n  - remove: [D9]\n",
        ])
        let missing = Self.errors(dir + "/missing.yaml")
        #expect(missing.count == 1)
        #expect(
            missing.first?.hasPrefix(
                "\(dir)/missing.yaml:2:10: error: cannot find 'nowhere.yaml' named by 'extends' (looked for \(dir)/nowhere.yaml); expected a path relative to this file or a built-in name: ai-capex-2025, pc,"
            ) == true, "\(missing)")
        #expect(
            Self.errors(dir + "/equations.yaml") == [
                "\(dir)/equations.yaml:2:10: error: the scenario 'sim' named by 'extends' has errors (reported under BuiltIn/sim.yaml)",
                "BuiltIn/sim.yaml:5:7: error: expected 'kind: network' in a scenario named by 'extends', found 'equations'",
            ])
        #expect(
            Self.errors(dir + "/remove.yaml") == [
                "\(dir)/remove.yaml:4:14: error: no deal 'D9' in the base scenario to remove; its deals are: D1, D2, D3"
            ])
    }
}
