import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// Every problem in a network scenario file is reported at its line and column, all at once.
@Suite("network scenario errors")
struct NetworkScenarioErrorTests {
    /// The diagnostics for `text`, as printed (`e.yaml:LINE:COLUMN: error: MESSAGE`), in file order.
    static func errors(_ text: String) -> [String] {
        do {
            _ = try ScenarioLoader.parse(text, file: "e.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Expects exactly one diagnostic that starts with `prefix`.
    static func expectOne(_ text: String, _ prefix: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = errors(text)
        #expect(
            found.count == 1 && found.first?.hasPrefix(prefix) == true, "expected only \(prefix)…, found \(found)", sourceLocation: sourceLocation)
    }

    static let entityList = "lab, cloud, bank, founder, Big Co"

    static let bad = """
        kind: network
        name: bad
        calendar: {start: 2025-01, end: 2026-12}
        colour: blue
        mechanisms: {M12: off, M9: maybe}
        macro: {policy_rate: {2025-01: 4%, 2027-01: 5%}, inflation: 2%}
        behaviour:
          model_lab: {runway_months: 12}
          wizards: {magic: 1}
        entities:
          lab: {sector: model_labz, cash: $10B}
          cloud: {sector: hyperscaler, cash: -$5B, colour: red}
          bank: {sector: bank, cash: lots}
          founder: {sector: insider}
          Big Co: {sector: firm}
        markets:
          cloud: {kind: equity, units: -1B, price: $100, duration: 10, depth: $5B, holders: {founder: 100M, ghost: 5}}
          coin: {kind: crypto, units: 10M, price: $1}
        deals:
          - id: D1
            kind: compute_contract
            from: lab
            to: nobody
            amount: $12B
            announced: 2027-03
            tranches: {2025-04: $5B, 2025-05: $6B}
          - id: D2
            kind: loan
            from: bank
            to: lab
            amount: $1B
            announced: 2025-01
          - id: P1
            kind: share_pledge
            from: founder
            to: bank
            amount: $1B
            announced: 2025-02
            units: 50M
          - kind: bond
            from: bank
            to: cloud
            announced: 2025-01
          - {id: D1, kind: bond, from: bank, to: cloud, amount: $1B, announced: 2025-01}
        shocks:
          - rates:+300bp@2026-01
          - default:nobody@2026-01

        """

    @Test("every problem of a bad file, each at its line and column")
    func everyProblem() {
        let found = Self.errors(Self.bad)
        let expected = [
            "e.yaml:4:1: error: unknown key 'colour' in a network scenario; expected one of: kind, name, description, extends, calendar, seed, mechanisms, macro, behaviour, entities, markets, deals, shocks",
            "e.yaml:5:14: error: unknown mechanism 'M12'; expected one of: M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, M11",
            "e.yaml:5:28: error: expected on or off for mechanism M9, found 'maybe'",
            "e.yaml:6:36: error: the date 2027-01 for macro 'policy_rate' is outside the calendar 2025-01 … 2026-12",
            "e.yaml:6:50: error: unknown key 'inflation' in macro; expected one of: policy_rate, liquidity, reserve_ratio, capital_ratio",
            "e.yaml:8:15: error: unknown parameter 'runway_months' in behaviour.model_lab; expected one of: paying_users, user_growth, arpu,",
            "e.yaml:9:3: error: unknown behaviour group 'wizards'; expected one of: model_lab, wrapper_startup, hyperscaler,",
            "e.yaml:11:17: error: unknown sector 'model_labz' for entity 'lab'; expected one of: household, firm, wrapper_startup, model_lab,",
            "e.yaml:12:38: error: expected a non-negative value for cash of entity 'cloud', found '-$5B'",
            "e.yaml:12:44: error: unknown key 'colour' in entity 'cloud'; expected one of: name, sector, cash, bonds, bank_loans, private_credit, fixed_capital, capacity, valuation, params, note",
            "e.yaml:13:30: error: expected an amount such as $300B, $1.4T, 20bn or $35,000 for cash of entity 'bank', found 'lots'",
            "e.yaml:15:3: error: entity id 'Big Co' is not a short lower-case name; use a-z, 0-9, _ or -, starting with a letter (e.g. openai)",
            "e.yaml:17:32: error: expected a positive value for units of market 'cloud', found '-1B'",
            "e.yaml:17:101: error: unknown entity 'ghost' as a holder of market 'cloud'; expected one of the entities: \(Self.entityList)",
            "e.yaml:18:3: error: missing key 'duration' in market 'coin'; a market needs kind, units, price, duration, depth",
            "e.yaml:18:3: error: missing key 'depth' in market 'coin'; a market needs kind, units, price, duration, depth",
            "e.yaml:23:9: error: unknown entity 'nobody' in 'to' of deal 'D1'; expected one of the entities: \(Self.entityList)",
            "e.yaml:25:16: error: the date 2027-03 for the announcement of deal 'D1' is outside the calendar 2025-01 … 2026-12",
            "e.yaml:26:5: error: tranches of deal 'D1' sum to $11B, expected the deal amount $12B",
            "e.yaml:28:11: error: unknown deal kind 'loan' for deal 'D2'; expected one of: equity_investment, compute_contract, chip_order, capacity_backstop, vendor_financing, warrant, bond, bank_loan, private_credit, share_pledge, capex_plan",
            "e.yaml:33:5: error: deal 'P1' is a share_pledge without 'market'; a share pledge needs market, units, margin_call_ltv, target_ltv",
            "e.yaml:33:5: error: deal 'P1' is a share_pledge without 'margin_call_ltv'; a share pledge needs market, units, margin_call_ltv, target_ltv",
            "e.yaml:33:5: error: deal 'P1' is a share_pledge without 'target_ltv'; a share pledge needs market, units, margin_call_ltv, target_ltv",
            "e.yaml:40:5: error: missing key 'id' in a deal; a deal needs id, kind, from, to, amount and announced",
            "e.yaml:40:5: error: missing key 'amount' in a deal; a deal needs id, kind, from, to, amount and announced",
            "e.yaml:44:10: error: deal id 'D1' appears twice (first at line 20)",
            "e.yaml:46:5: error: expected KIND:SIZE@DATE such as rate:+300bp@2026-01; unknown kind 'rates' (expected one of: rate, liquidity, chips, power, demand, credit, default, crypto, sentiment)",
            "e.yaml:47:13: error: expected KIND:SIZE@DATE such as rate:+300bp@2026-01; unknown entity 'nobody' (expected one of: \(Self.entityList))",
        ]
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
        for (line, prefix) in zip(found, expected) {
            #expect(line.hasPrefix(prefix), "expected \(prefix)")
        }
    }

    @Test("missing required keys are reported at the top of the file")
    func missingKeys() {
        let found = Self.errors("kind: network\nseed: 1\n")
        #expect(
            found == [
                "e.yaml:1:1: error: missing key 'name'; a network scenario needs kind, name, calendar and entities",
                "e.yaml:1:1: error: missing key 'calendar'; a network scenario needs kind, name, calendar and entities",
                "e.yaml:1:1: error: missing key 'entities'; a network scenario needs kind, name, calendar and entities",
            ])
    }

    static let header = "kind: network\nname: t\ncalendar: {start: 2025-01, end: 2026-12}\n"

    static let two = header + "entities:\n  lab: {sector: model_lab, cash: $1B}\n  cloud: {sector: hyperscaler}\n"

    @Test("wrong types name what was expected and what was found")
    func wrongTypes() {
        Self.expectOne(
            Self.header + "entities: [lab, cloud]\n",
            "e.yaml:4:11: error: expected a mapping of entity ids to entities, e.g. openai: {name: OpenAI, sector: model_lab}, found a list")
        Self.expectOne(Self.two + "seed: many\n", "e.yaml:7:7: error: expected a whole number for the seed, found 'many'")
        Self.expectOne(Self.two + "deals: {id: D1}\n", "e.yaml:7:8: error: expected a list of deals")
        Self.expectOne(
            Self.two + "macro: {policy_rate: [1, 2]}\n",
            "e.yaml:7:22: error: expected a rate such as 4.25%, 150bp or 0.0425 or a dated path such as {2025-01: 4.33%, 2025-09: 4.08%} for macro 'policy_rate', found a list"
        )
        Self.expectOne(Self.two + "shocks: [{rate: 1}]\n", "e.yaml:7:10: error: expected a shock such as rate:+300bp@2026-01, found a mapping")
    }

    @Test("the calendar: end before start, unknown step, missing start")
    func calendar() {
        Self.expectOne(
            "kind: network\nname: t\ncalendar: {start: 2025-06, end: 2025-01}\nentities: {lab: {sector: lab}}\n",
            "e.yaml:3:33: error: the calendar ends (2025-01) before it starts (2025-06)")
        Self.expectOne(
            "kind: network\nname: t\ncalendar: {start: 2025-01, end: 2026-01, step: weekly}\nentities: {lab: {sector: lab}}\n",
            "e.yaml:3:48: error: expected step monthly or quarterly, found 'weekly'")
        Self.expectOne(
            "kind: network\nname: t\ncalendar: {end: 2026-01}\nentities: {lab: {sector: lab}}\n",
            "e.yaml:3:11: error: missing key 'start' in the calendar; expected {start: 2025-01, end: 2030-12, step: monthly}")
        Self.expectOne(
            "kind: network\nname: t\ncalendar: {start: 2025-13, end: 2026-01}\nentities: {lab: {sector: lab}}\n",
            "e.yaml:3:19: error: expected a date such as 2025-09, 2025Q3 or 2025 for the calendar's start, found '2025-13' (month 13 is not between 1 and 12)"
        )
    }

    /// Duplicate keys of a mapping (entity and market ids) are refused by the YAML layer (Yams) before
    /// the schema is read; duplicate deal ids are checked by the schema (see `everyProblem`).
    @Test("duplicate entity and market ids")
    func duplicateIDs() {
        for text in [
            Self.two + "  lab: {sector: bank}\n",
            Self.two + "markets:\n  lab: {kind: equity, units: 1B, price: $1, duration: 1, depth: $1B}\n  lab: {kind: crypto}\n",
        ] {
            let found = Self.errors(text)
            #expect(found.count == 1 && found.first?.contains("'lab'") == true, "\(found)")
        }
    }

    @Test("a deal from or to an unknown entity, or to itself")
    func dealEntities() {
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: labb, to: cloud, amount: $1B, announced: 2025-01}\n",
            "e.yaml:8:31: error: unknown entity 'labb' in 'from' of deal 'D'; expected one of the entities: lab, cloud")
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: lab, amount: $1B, announced: 2025-01}\n",
            "e.yaml:8:40: error: deal 'D' goes from 'lab' to itself; expected two different entities")
    }

    @Test("a market's issuer must be an entity, and only equity has one")
    func issuer() {
        Self.expectOne(
            Self.two + "markets:\n  x: {kind: equity, issuer: ghost, units: 1B, price: $1, duration: 1, depth: $1B}\n",
            "e.yaml:8:29: error: unknown entity 'ghost' as the issuer of market 'x'; expected one of the entities: lab, cloud")
        Self.expectOne(
            Self.two + "markets:\n  x: {kind: equity, units: 1B, price: $1, duration: 1, depth: $1B}\n",
            "e.yaml:8:3: error: missing key 'issuer' in equity market 'x'; expected the id of the issuing entity")
        Self.expectOne(
            Self.two + "markets:\n  x: {kind: crypto, issuer: lab, units: 1B, price: $1, duration: 1, depth: $1B}\n",
            "e.yaml:8:29: error: only equity markets have an issuer; market 'x' is crypto")
        Self.expectOne(
            Self.two + "markets:\n  lab: {kind: equity, units: 1B, price: $1, duration: 1, depth: $1B, holders: {cloud: 2B}}\n",
            "e.yaml:8:70: error: the holders of market 'lab' hold 2B units but only 1B are outstanding")
    }

    @Test("amounts, counts and parameters beyond 1e15 are refused at their place, before a run overflows")
    func magnitudes() {
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: 1e308, announced: 2025-01}\n",
            "e.yaml:8:55: error: expected at most 1e15 (a thousand trillion) in magnitude for the amount of deal 'D', found '1e308'")
        Self.expectOne(
            Self.two + "markets:\n  lab: {kind: equity, units: 1e300, price: $1, duration: 1, depth: $1B}\n",
            "e.yaml:8:30: error: expected at most 1e15 (a thousand trillion) in magnitude for")
        Self.expectOne(
            Self.two + "behaviour:\n  model_lab: {arpu: -1e200}\n",
            "e.yaml:8:21: error: expected at most 1e15 (a thousand trillion) in magnitude for")
    }

    @Test("negative amounts, prices, tranches and counts are refused")
    func negatives() {
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: -$1B, announced: 2025-01}\n",
            "e.yaml:8:55: error: expected a non-negative value for the amount of deal 'D', found '-$1B'")
        Self.expectOne(
            Self.two
                + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-01, tranches: {2025-02: $2B, 2025-03: -$1B}}\n",
            "e.yaml:8:114: error: expected a non-negative value for the tranche of deal 'D' in 2025-03, found '-$1B'")
        Self.expectOne(
            Self.two + "markets:\n  lab: {kind: equity, units: 1B, price: -$1, duration: 1, depth: $1B}\n",
            "e.yaml:8:41: error: expected a positive value for the price of market 'lab', found '-$1'")
        Self.expectOne(
            Self.two + "markets:\n  lab: {kind: equity, units: 1B, price: $1, duration: 1, depth: $1B, holders: {cloud: $5}}\n",
            "e.yaml:8:87: error: expected a count such as 2.8B, 19.8M or 10000 for the units of market 'lab' held by 'cloud', found '$5' (a count has no $)"
        )
    }

    @Test("dates outside the horizon, and signing before the announcement")
    func dates() {
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-01, tranches: {2024-12: $1B}}\n",
            "e.yaml:8:91: error: the date 2024-12 for a tranche of deal 'D' is outside the calendar 2025-01 … 2026-12")
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-03, signed: 2025-02}\n",
            "e.yaml:8:88: error: deal 'D' is signed (2025-02) before it is announced (2025-03)")
        Self.expectOne(
            Self.two
                + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-03, schedule: {start: 2027-01, months: 3}}\n",
            "e.yaml:8:98: error: the date 2027-01 for the start of the schedule of deal 'D' is outside the calendar 2025-01 … 2026-12")
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-03, maturity: 2025-02}\n",
            "e.yaml:8:90: error: deal 'D' matures (2025-02) no later than it is signed (2025-03)")
        Self.expectOne(
            Self.two + "shocks: [crypto:-50%@2031-01]\n",
            "e.yaml:7:22: error: expected KIND:SIZE@DATE such as rate:+300bp@2026-01; the date 2031-01 is outside the calendar 2025-01 … 2026-12")
    }

    @Test("a pledge whose target loan-to-value is not below the margin call")
    func pledgeLTVs() {
        let text =
            Self.two + """
                markets: {lab: {kind: equity, units: 1B, price: $1, duration: 1, depth: $1B, holders: {cloud: 1B}}}
                deals:
                  - {id: P, kind: share_pledge, from: cloud, to: lab, amount: $1B, announced: 2025-01, market: lab, units: 1B, margin_call_ltv: 40%, target_ltv: 50%}

                """
        Self.expectOne(text, "e.yaml:9:146: error: target_ltv of deal 'P' must be below its margin_call_ltv (40%), found 50%")
    }

    @Test("a deal with both tranches and a schedule, an unknown deal key, an unknown market")
    func dealShape() {
        Self.expectOne(
            Self.two
                + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-01, tranches: {2025-01: $1B}, schedule: {start: 2025-01, months: 2}}\n",
            "e.yaml:8:106: error: deal 'D' has both tranches and a schedule; expected one of them")
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-01, coupon: 5%}\n",
            "e.yaml:8:80: error: unknown key 'coupon' in a deal; expected one of: id, kind, from, to, amount, announced, signed, tranches, schedule,")
        Self.expectOne(
            Self.two + "deals:\n  - {id: D, kind: bond, from: lab, to: cloud, amount: $1B, announced: 2025-01, market: nvda}\n",
            "e.yaml:8:88: error: unknown market 'nvda' in deal 'D'; the scenario has no markets")
    }

    @Test("entity params must be parameters of the entity's sector")
    func params() {
        Self.expectOne(
            Self.header + "entities:\n  lab: {sector: model_lab, params: {arpu: $20, wings: 2}}\n",
            "e.yaml:5:48: error: unknown parameter 'wings' for entity 'lab'; expected one of the parameters of model_lab: paying_users,")
        Self.expectOne(
            Self.header + "entities:\n  me: {sector: insider, params: {arpu: $20}}\n",
            "e.yaml:5:34: error: unknown parameter 'arpu' for entity 'me'; expected one of the parameters of insider: ")
        Self.expectOne(
            Self.header + "entities:\n  gov: {sector: government, params: {arpu: $20}}\n",
            "e.yaml:5:38: error: unknown parameter 'arpu' for entity 'gov'; sector government has no behaviour parameters")
    }

    @Test("'remove' needs a file to extend")
    func removeWithoutBase() {
        Self.expectOne(
            Self.two + "deals:\n  - remove: [D9]\n",
            "e.yaml:8:14: error: 'remove' drops deals of the scenario named by 'extends', but this file extends nothing")
    }
}
