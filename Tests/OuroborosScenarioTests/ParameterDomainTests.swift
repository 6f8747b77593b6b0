import Foundation
import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// Every behaviour parameter has a domain; values outside it, in `behaviour:`, an entity's `params:`
/// or the bounds of an `uncertain:` distribution, are errors at their line and column (issue 17).
@Suite("parameter domains")
struct ParameterDomainTests {
    typealias E = NetworkScenarioErrorTests

    @Test("every catalogue default lies inside its domain, and each name appears once per group")
    func defaultsInsideDomains() {
        for parameter in BehaviourCatalog.parameters {
            #expect(
                parameter.domain.contains(parameter.defaultValue),
                "\(parameter.group).\(parameter.name) = \(parameter.defaultValue) is outside \(parameter.domain.interval)")
        }
        let keys = BehaviourCatalog.parameters.map { "\($0.group).\($0.name)" }
        #expect(Set(keys).count == keys.count)
    }

    @Test("the domains' bounds, open and closed")
    func domainBounds() {
        #expect(ParameterDomain.positive.contains(1e-9) && !ParameterDomain.positive.contains(0))
        #expect(ParameterDomain.nonNegative.contains(0) && !ParameterDomain.nonNegative.contains(-1e-9))
        #expect(ParameterDomain.fraction.contains(0) && ParameterDomain.fraction.contains(1) && !ParameterDomain.fraction.contains(1.01))
        #expect(!ParameterDomain.positiveFraction.contains(0) && ParameterDomain.positiveFraction.contains(1))
        #expect(ParameterDomain.growth.contains(-0.99) && !ParameterDomain.growth.contains(-1))
        #expect(ParameterDomain.margin.contains(-3) && ParameterDomain.margin.contains(1) && !ParameterDomain.margin.contains(1.01))
        #expect(ParameterDomain.atLeast(1).contains(1) && !ParameterDomain.atLeast(1).contains(0.99))
        #expect(ParameterDomain.anyReal.contains(-1e9) && !ParameterDomain.anyReal.contains(.nan))
    }

    @Test("a behaviour: value outside its parameter's domain is refused at the value")
    func behaviourSection() {
        let cases: [(String, String)] = [
            ("model_lab: {arpu: -$240}", "e.yaml:8:21: error: expected a non-negative value for behaviour.model_lab.arpu, found '-$240'"),
            ("chipmaker: {units_per_gw: 0}", "e.yaml:8:29: error: expected a positive value for behaviour.chipmaker.units_per_gw, found '0'"),
            (
                "chipmaker: {units_per_gw: -450000}",
                "e.yaml:8:29: error: expected a positive value for behaviour.chipmaker.units_per_gw, found '-450000'"
            ),
            ("chipmaker: {unit_price: -$35k}", "e.yaml:8:27: error: expected a positive value for behaviour.chipmaker.unit_price, found '-$35k'"),
            (
                "market: {sentiment_floor: 0}",
                "e.yaml:8:29: error: expected a value above 0 and at most 1 for behaviour.market.sentiment_floor, found '0'"
            ),
            (
                "hyperscaler: {chip_share_of_capex: 140%}",
                "e.yaml:8:38: error: expected a value between 0 and 1 for behaviour.hyperscaler.chip_share_of_capex, found '140%'"
            ),
            (
                "model_lab: {user_growth: -150%}",
                "e.yaml:8:28: error: expected a growth rate above -1 (-100%) for behaviour.model_lab.user_growth, found '-150%'"
            ),
            ("neocloud: {ai_margin: 1.5}", "e.yaml:8:25: error: expected a margin of at most 1 (100%) for behaviour.neocloud.ai_margin, found '1.5'"),
            (
                "market: {opening_debt_years: 0.5}",
                "e.yaml:8:32: error: expected a value of at least 1 for behaviour.market.opening_debt_years, found '0.5'"
            ),
            ("model_lab: {round_months: -6}", "e.yaml:8:29: error: expected a non-negative value for behaviour.model_lab.round_months, found '-6'"),
        ]
        for (line, expected) in cases {
            #expect(E.errors(E.two + "behaviour:\n  \(line)\n") == [expected])
        }
    }

    @Test("values at the edge of their domain, and anywhere for elasticities, are accepted")
    func edgesAccepted() throws {
        let text =
            E.two + """
                behaviour:
                  model_lab: {arpu: 0, user_growth: -99%, round_sentiment_elasticity: -2, default_payment_share: 1}
                  market: {sentiment_floor: 1, sentiment_momentum: -1, opening_debt_years: 1}
                  hyperscaler: {ai_margin: -50%, chip_share_of_capex: 0}

                """
        #expect(E.errors(text) == [])
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: "e.yaml") else {
            Issue.record("not a network scenario")
            return
        }
        #expect(scenario.behaviour["model_lab"]?["user_growth"] == -0.99)
        #expect(scenario.behaviour["hyperscaler"]?["ai_margin"] == -0.5)
    }

    @Test("an entity's params: value outside its sector's domain is refused at the value")
    func entityParams() {
        #expect(
            E.errors(E.header + "entities:\n  lab: {sector: model_lab, params: {arpu: -$240}}\n") == [
                "e.yaml:5:43: error: expected a non-negative value for parameter 'arpu' of entity 'lab', found '-$240'"
            ])
        #expect(
            E.errors(E.header + "entities:\n  nv: {sector: chipmaker, params: {units_per_gw: -450000}}\n") == [
                "e.yaml:5:50: error: expected a positive value for parameter 'units_per_gw' of entity 'nv', found '-450000'"
            ])
    }

    @Test("a market's duration and a chip order's unit price must be positive")
    func dealAndMarketFields() {
        #expect(
            E.errors(E.two + "markets:\n  lab: {kind: equity, units: 1B, price: $1, duration: 0, depth: $1B}\n") == [
                "e.yaml:8:55: error: expected a positive value for the duration of market 'lab', found '0'"
            ])
        let order =
            E.header
            + "entities:\n  cloud: {sector: hyperscaler}\n  nv: {sector: chipmaker}\ndeals:\n"
            + "  - {id: C, kind: chip_order, from: cloud, to: nv, amount: $1B, announced: 2025-01, unit_price: -$35k}\n"
        #expect(E.errors(order) == ["e.yaml:8:97: error: expected a positive value for the unit price of deal 'C', found '-$35k'"])
    }

    @Test("uncertain: bounds and discrete values outside the parameter's domain are refused at the bound")
    func uncertainBounds() {
        let note = "(a bound of a distribution must lie in the parameter's domain)"
        let found = UncertainParameterTests.errors(
            """
            uncertain:
              entities.lab.user_growth: {dist: uniform, low: -1.5, high: 0.9}
              behaviour.chipmaker.unit_price: {dist: triangular, low: 0, mode: $30k, high: $40k}
              behaviour.market.sentiment_floor: {dist: normal, mean: 0.05, sd: 0.01, high: 1.5}
              behaviour.model_lab.runway_trigger_months: {dist: discrete, values: [9, -12, 18]}
              markets.coin.duration: {dist: uniform, low: 0, high: 30}
              entities.cloud.cash: {dist: uniform, low: -$1B, high: $6B}
              behaviour.chipmaker.units_per_gw: {dist: lognormal, median: 450000, sigma: 0.2}
              behaviour.market.sentiment_momentum: {dist: uniform, low: -1, high: 1}
            """)
        #expect(
            found == [
                "u.yaml:15:50: error: expected a growth rate above -1 (-100%) for 'low' of 'entities.lab.user_growth', found '-1.5' \(note)",
                "u.yaml:16:59: error: expected a positive value for 'low' of 'behaviour.chipmaker.unit_price', found '0' \(note)",
                "u.yaml:17:80: error: expected a value above 0 and at most 1 for 'high' of 'behaviour.market.sentiment_floor', found '1.5' \(note)",
                "u.yaml:18:75: error: expected a non-negative value for an item of 'values' of 'behaviour.model_lab.runway_trigger_months', found '-12' \(note)",
                "u.yaml:19:47: error: expected a positive value for 'low' of 'markets.coin.duration', found '0' \(note)",
                "u.yaml:20:45: error: expected a non-negative value for 'low' of 'entities.cloud.cash', found '-$1B' \(note)",
            ])
    }

    /// The parameter table of docs/model.md, as generated from the catalogue.
    static var documentedTable: String {
        var lines = ["| group | name | default | domain | meaning |", "|---|---|---|---|---|"]
        for p in BehaviourCatalog.parameters {
            lines.append("| `\(p.group)` | `\(p.name)` | \(number(p.defaultValue)) | \(p.domain.interval) | \(p.meaning) |")
        }
        return lines.joined(separator: "\n")
    }

    /// `0.6`, `450000`, `4e10`.
    static func number(_ value: Double) -> String {
        String(format: "%g", value).replacingOccurrences(of: "e+", with: "e")
    }

    @Test("docs/model.md lists every behaviour parameter with its default and domain, as in the catalogue")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = try String(contentsOf: root.appendingPathComponent("docs/model.md"), encoding: .utf8)
        #expect(model.contains(Self.documentedTable), "docs/model.md should contain:\n\(Self.documentedTable)")
    }
}
