import Foundation
import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// `uncertain:` entries: paths into every section, the five distributions, and bad entries as
/// file:line:column errors.
@Suite("uncertain parameters")
struct UncertainParameterTests {
    static let base = """
        kind: network
        name: small
        calendar: {start: 2025-01, end: 2026-12}
        macro: {policy_rate: {2025-01: 4%, 2026-01: 3%}}
        entities:
          lab: {sector: model_lab, cash: $10B, params: {user_growth: 0.6}}
          cloud: {sector: hyperscaler, cash: $5B}
        markets:
          coin: {kind: crypto, units: 10M, price: $100, duration: 20, depth: $1B}
        deals:
          - {id: D1, kind: compute_contract, from: lab, to: cloud, amount: $12B, announced: 2025-03,
             tranches: {2025-04: $4B, 2025-05: $8B}}
        shocks: [rate:+100bp@2025-06]

        """

    static func scenario(_ uncertain: String) throws -> NetworkScenario {
        guard case .network(let scenario) = try ScenarioLoader.parse(base + uncertain, file: "u.yaml") else {
            Issue.record("not a network scenario")
            throw DiagnosticList([])
        }
        return scenario
    }

    static func errors(_ uncertain: String) -> [String] {
        do {
            _ = try ScenarioLoader.parse(base + uncertain, file: "u.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("every section can be addressed and a value applied")
    func pathsApply() throws {
        let scenario = try Self.scenario(
            """
            uncertain:
              entities.lab.user_growth: {dist: uniform, low: 0.3, high: 0.9}
              entities.cloud.cash: {dist: uniform, low: $4B, high: $6B}
              behaviour.model_lab.fail_sentiment: {dist: triangular, low: 0.45, mode: 0.55, high: 0.65}
              markets.coin.price: {dist: lognormal, median: $100, sigma: 0.3}
              deals.D1.amount: {dist: normal, mean: $12B, sd: $2B, low: $6B}
              macro.policy_rate.2026-03: {dist: discrete, values: [2%, 3%, 4%], weights: [1, 2, 1]}
              shocks.1.size: {dist: uniform, low: 50bp, high: 300bp}
            """)
        #expect(
            scenario.uncertain.map(\.path.description) == [
                "entities.lab.user_growth", "entities.cloud.cash", "behaviour.model_lab.fail_sentiment", "markets.coin.price",
                "deals.D1.amount", "macro.policy_rate.2026-03", "shocks.1.size",
            ])
        #expect(scenario.uncertain[0].path.value(in: scenario) == 0.6)
        #expect(scenario.uncertain[5].path.value(in: scenario) == 0.03)
        var changed = scenario
        for (entry, value) in zip(scenario.uncertain, [0.8, 6e9, 0.5, 120, 6e9, 0.02, 0.025]) {
            entry.path.apply(value, to: &changed)
            #expect(entry.path.value(in: changed) == value)
        }
        #expect(changed.entities[0].parameters["user_growth"] == 0.8)
        #expect(changed.entities[1].cash == 6e9)
        #expect(changed.deals[0].tranches.map(\.amount) == [2e9, 4e9])
        // The step holding at 2026-03 is 2026-01 … 2026-12 (periods 13 … 24); 2025 keeps 4%.
        #expect(changed.macro.policyRate[12] == 0.04 && changed.macro.policyRate[13] == 0.02 && changed.macro.policyRate[24] == 0.02)
        #expect(changed.shocks[0].size == 0.025)
    }

    @Test("quantiles of the five distributions")
    func quantiles() {
        #expect(ParameterDistribution.uniform(low: 2, high: 4).quantile(0.25) == 2.5)
        #expect(abs(ParameterDistribution.normal(mean: 1, sd: 2, low: nil, high: nil).quantile(0.975) - (1 + 2 * 1.959963984540054)) < 1e-9)
        #expect(abs(ParameterDistribution.lognormal(median: 5, sigma: 0.5, low: nil, high: nil).quantile(0.5) - 5) < 1e-12)
        #expect(ParameterDistribution.normal(mean: 0, sd: 1, low: -0.5, high: 0.5).quantile(0.999_999) <= 0.5)
        let triangle = ParameterDistribution.triangular(low: 0, mode: 1, high: 2)
        #expect(abs(triangle.quantile(0.5) - 1) < 1e-12 && abs(triangle.quantile(0.125) - 0.5) < 1e-12)
        let discrete = ParameterDistribution.discrete(values: [1, 2, 3], weights: [1, 2, 1])
        #expect([0.1, 0.3, 0.6, 0.9].map(discrete.quantile) == [1, 2, 2, 3])
        for p in [1e-10, 0.001, 0.3, 0.5, 0.8, 0.999] {
            #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-14 * max(1, 1 / p))
        }
    }

    @Test("an unknown path names the file, line and column of its key")
    func unknownPath() {
        let found = Self.errors(
            """
            uncertain:
              entities.ghost.cash: {dist: uniform, low: 1, high: 2}
              behaviour.model_lab.magic: {dist: uniform, low: 1, high: 2}
              deals.D9.amount: {dist: uniform, low: 1, high: 2}
              macro.policy_rate.2031-01: {dist: uniform, low: 1%, high: 2%}
              shocks.2.size: {dist: uniform, low: 1, high: 2}
              weather.today: {dist: uniform, low: 1, high: 2}
            """)
        #expect(found.count == 6)
        #expect(found[0].hasPrefix("u.yaml:15:3: error: unknown parameter path 'entities.ghost.cash': no entity 'ghost'"))
        #expect(found[1].hasPrefix("u.yaml:16:3: error: unknown parameter path 'behaviour.model_lab.magic'"))
        #expect(found[2].hasPrefix("u.yaml:17:3: error: unknown parameter path 'deals.D9.amount': no deal 'D9'"))
        #expect(found[3].contains("outside the calendar"))
        #expect(found[4].contains("the scenario has 1 shock, so there is no shock 2"))
        #expect(found[5].hasPrefix("u.yaml:20:3: error: unknown parameter path 'weather.today'"))
    }

    @Test("inverted bounds and negative spreads point at the offending value")
    func badBounds() {
        let found = Self.errors(
            """
            uncertain:
              entities.lab.user_growth: {dist: uniform, low: 0.9, high: 0.3}
              deals.D1.amount: {dist: normal, mean: $12B, sd: -$2B}
              markets.coin.price: {dist: lognormal, median: $100, sigma: -0.3}
              behaviour.model_lab.fail_sentiment: {dist: triangular, low: 0.4, mode: 0.9, high: 0.6}
              entities.cloud.cash: {dist: beta, low: 1, high: 2}
              entities.lab.opex: {dist: discrete, values: [1, 2], weights: [1]}
            """)
        #expect(found.count == 6)
        #expect(found[0].hasPrefix("u.yaml:15:61: error: inverted bounds for 'entities.lab.user_growth': high (0.3) must be above low (0.9)"))
        #expect(
            found[1].hasPrefix(
                "u.yaml:16:51: error: expected a positive standard deviation 'sd' for 'deals.D1.amount', found -2000000000.0 (negative)"))
        #expect(found[2].hasPrefix("u.yaml:17:62: error: expected a positive standard deviation of the logarithm 'sigma'"))
        #expect(found[3].hasPrefix("u.yaml:18:74: error: expected the mode of 'behaviour.model_lab.fail_sentiment' between low"))
        #expect(found[4].hasPrefix("u.yaml:19:31: error: unknown distribution 'beta'"))
        #expect(found[5].hasPrefix("u.yaml:20:64: error: expected 2 weights for 'entities.lab.opex' (one per value), found 1"))
    }

    @Test("a file extending another replaces, drops and forgets inherited entries")
    func extendsMerges() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ouroboros-uncertain-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base =
            Self.base + """
                uncertain:
                  entities.lab.user_growth: {dist: uniform, low: 0.3, high: 0.9}
                  entities.cloud.cash: {dist: uniform, low: $4B, high: $6B}
                  deals.D1.amount: {dist: uniform, low: $10B, high: $14B}
                """
        let child = """
            kind: network
            extends: base.yaml
            deals:
              - remove: [D1]
            uncertain:
              entities.lab.user_growth: {dist: uniform, low: 0.5, high: 0.7}
              entities.cloud.cash: ~
            """
        try base.write(toFile: dir + "/base.yaml", atomically: true, encoding: .utf8)
        try child.write(toFile: dir + "/child.yaml", atomically: true, encoding: .utf8)
        guard case .network(let scenario) = try ScenarioLoader.load(path: dir + "/child.yaml") else {
            Issue.record("not a network scenario")
            return
        }
        #expect(scenario.uncertain.map(\.path.description) == ["entities.lab.user_growth"])
        #expect(scenario.uncertain.first?.distribution == .uniform(low: 0.5, high: 0.7))
    }

    @Test("the built-in ai-capex-2025 ships ranges that contain its written values")
    func builtInRanges() throws {
        guard case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025") else {
            Issue.record("not a network scenario")
            return
        }
        #expect(scenario.uncertain.count >= 10)
        for entry in scenario.uncertain {
            let value = entry.path.value(in: scenario)
            let support = entry.distribution.support
            let inside: Bool
            if case .discrete(let values, _) = entry.distribution {
                inside = values.contains { abs($0 - value) < 1e-12 }
            } else {
                inside = entry.distribution.quantile(1e-9) <= value && value <= entry.distribution.quantile(1 - 1e-9)
            }
            #expect(inside, "\(entry.path) = \(value) outside \(entry.distribution) (\(support))")
        }
    }
}
