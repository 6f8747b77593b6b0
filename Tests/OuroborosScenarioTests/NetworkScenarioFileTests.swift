import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// Decoding `kind: network` files: the scenario that comes out of a good file.
@Suite("network scenario files")
struct NetworkScenarioFileTests {
    static let good = """
        kind: network
        name: mini
        description: A small network.
        calendar: {start: 2025-01, end: 2030-12, step: monthly}
        seed: 2025
        mechanisms: {M9: off, m4: on}
        macro:
          policy_rate: {2025-01: 4.33%, 2025-09: 4.08%, 2025-12: 3.63%}
          liquidity: 1.0
          reserve_ratio: 10%
        behaviour:
          model_lab: {runway_trigger_months: 12, round_months: 1.5y}
          market: {risk_premium: 150bp, free_liquidity: $2.5T}
        entities:
          openai:
            name: OpenAI
            sector: model_lab
            cash: $17.5B
            valuation: $300B
            params: {paying_users: 20M, arpu: $240, enterprise_revenue: $6B}
            note: paying users assumed
          oracle:
            name: Oracle
            sector: cloud
            cash: $11B
            bonds: $95B
            bank_loans: 20bn
            fixed_capital: 60000000000
            capacity: 750 MW
          softbank:
            name: SoftBank
            sector: sovereign
            cash: $35,000
          ellison: {sector: insider}
          bank: {sector: bank}
        markets:
          oracle: {kind: equity, units: 2.8B, price: $250, duration: 15, reflexivity: 0.4, depth: $40B, holders: {ellison: 1.16B}}
          crypto: {kind: crypto, units: 19.8M, price: $95000, duration: 25, depth: $15B, liquidity_beta: 3, holders: {softbank: 10000}}
        deals:
          - id: F029
            kind: equity_investment
            from: softbank
            to: openai
            amount: $30B
            announced: 2025-03
            tranches: {2025-04: $7.5B, 2025-12: {amount: $22.5B, gw: 1}}
            source: {url: "https://example.com/f029", title: "SoftBank leads $40bn investment in OpenAI"}
          - id: F053
            kind: compute_contract
            from: openai
            to: oracle
            amount: $300B
            announced: 2025-09
            signed: 2025-10
            schedule: {start: 2027-01, months: 60}
            gw: 4.5
            assumption: start and even spread assumed
          - id: P1
            kind: share_pledge
            from: ellison
            to: bank
            amount: $10B
            announced: 2025Q2
            market: oracle
            units: 100M
            margin_call_ltv: 50%
            target_ltv: 35%
            rate: 150bp
            maturity: 3y
            assumption: true
            note: margin terms as reported
          - {id: C1, kind: chip_order, from: oracle, to: openai, amount: $1B, announced: 2026-01, unit_price: $35K, delivery_lag: 6m}
        shocks:
          - rate:+300bp@2026-01
          - default:openai@2027-01

        """

    /// The network scenario decoded from `text`.
    static func scenario(_ text: String, file: String = "n.yaml") throws -> NetworkScenario {
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: file) else {
            Issue.record("expected a network scenario")
            throw DiagnosticList([])
        }
        return scenario
    }

    @Test("the header, calendar, seed and mechanisms")
    func header() throws {
        let scenario = try Self.scenario(Self.good)
        #expect(scenario.name == "mini")
        #expect(scenario.description == "A small network.")
        #expect(scenario.calendar == Timeline(start: CalendarPeriod(year: 2025, month: 1), periods: 72))
        #expect(scenario.seed == 2025)
        #expect(scenario.disabledMechanisms == [.moneyMultiplier])
        #expect(ScenarioDocument.network(scenario).name == "mini")
    }

    @Test("macro step paths hold each value until the next date; period 0 takes the first")
    func macroPaths() throws {
        let macro = try Self.scenario(Self.good).macro
        #expect(macro.policyRate.count == 73)
        #expect(macro.policyRate[0] == 0.0433)
        #expect(macro.policyRate[8] == 0.0433)
        #expect(macro.policyRate[9] == 0.0408)
        #expect(macro.policyRate[11] == 0.0408)
        #expect(macro.policyRate[12] == 0.0363)
        #expect(macro.policyRate[72] == 0.0363)
        #expect(macro.liquidity == Array(repeating: 1, count: 73))
        #expect(macro.reserveRatio == Array(repeating: 0.1, count: 73))
        #expect(macro.capitalRatio == Array(repeating: 0.08, count: 73), "the default")
    }

    @Test("a path whose first date is late fills the periods before it with its first value")
    func lateFirstDate() throws {
        let text = Self.good.replacingOccurrences(of: "liquidity: 1.0", with: "liquidity: {2026-01: 0.8, 2025-07: 0.9}")
        let liquidity = try Self.scenario(text).macro.liquidity
        #expect(liquidity[0] == 0.9 && liquidity[6] == 0.9 && liquidity[7] == 0.9 && liquidity[12] == 0.9)
        #expect(liquidity[13] == 0.8 && liquidity[72] == 0.8)
    }

    @Test("behaviour overrides with units, defaults filled for every group")
    func behaviour() throws {
        let behaviour = try Self.scenario(Self.good).behaviour
        #expect(behaviour["model_lab"]?["runway_trigger_months"] == 12)
        #expect(behaviour["model_lab"]?["round_months"] == 18, "1.5y is 18 months")
        #expect(behaviour["model_lab"]?["user_growth"] == 0.6)
        #expect(behaviour["market"]?["risk_premium"] == 0.015)
        #expect(behaviour["market"]?["free_liquidity"] == 2.5e12)
        for parameter in BehaviourCatalog.parameters where !(parameter.group == "model_lab" || parameter.group == "market") {
            #expect(behaviour[parameter.group]?[parameter.name] == parameter.defaultValue)
        }
    }

    @Test("entities with amounts in units, power, aliases, params and notes")
    func entities() throws {
        let scenario = try Self.scenario(Self.good)
        #expect(scenario.entities.map(\.id) == ["openai", "oracle", "softbank", "ellison", "bank"])
        let openai = scenario.entities[0]
        #expect(openai.name == "OpenAI" && openai.sector == .modelLab)
        #expect(openai.cash == 17.5e9 && openai.privateValuation == 300e9)
        #expect(openai.parameters == ["paying_users": 20e6, "arpu": 240, "enterprise_revenue": 6e9])
        #expect(openai.note == "paying users assumed")
        #expect(openai.location == SourceLocation(file: "n.yaml", line: 15, column: 3))
        let oracle = scenario.entities[1]
        #expect(oracle.sector == .hyperscaler)
        #expect(oracle.cash == 11e9 && oracle.bonds == 95e9 && oracle.bankLoans == 20e9 && oracle.fixedCapital == 60e9)
        #expect(oracle.capacityGW == 0.75)
        #expect(scenario.entities[2].sector == .sovereignInvestor && scenario.entities[2].cash == 35_000)
        #expect(scenario.entities[3].name == "ellison", "the name defaults to the id")
        #expect(scenario.entityIndex("bank") == 4)
    }

    @Test("markets: counts with suffixes, prices, the issuer defaulting to the entity of the same id, holders")
    func markets() throws {
        let scenario = try Self.scenario(Self.good)
        #expect(scenario.markets.map(\.id) == ["oracle", "crypto"])
        let oracle = scenario.markets[0]
        #expect(oracle.kind == .equity && oracle.issuer == "oracle")
        #expect(oracle.units == 2.8e9 && oracle.price == 250 && oracle.duration == 15 && oracle.reflexivity == 0.4 && oracle.depth == 40e9)
        #expect(oracle.liquidityBeta == 1)
        #expect(oracle.holders.map(\.entity) == ["ellison"] && oracle.holders.map(\.units) == [1.16e9])
        let crypto = scenario.markets[1]
        #expect(crypto.kind == .crypto && crypto.issuer == nil)
        #expect(crypto.units == 19.8e6 && crypto.price == 95_000 && crypto.liquidityBeta == 3)
        #expect(crypto.holders.map(\.units) == [10_000])
    }

    @Test("explicit tranches with a gw condition, and a source")
    func explicitTranches() throws {
        let deal = try Self.scenario(Self.good).deals[0]
        #expect(deal.id == "F029" && deal.kind == .equityInvestment && deal.from == "softbank" && deal.to == "openai")
        #expect(deal.amount == 30e9 && deal.announced == 3 && deal.signed == 3)
        #expect(deal.tranches == [DealSpec.Tranche(period: 4, amount: 7.5e9), DealSpec.Tranche(period: 12, amount: 22.5e9, conditionGW: 1)])
        #expect(deal.source == DealSource(url: "https://example.com/f029", title: "SoftBank leads $40bn investment in OpenAI"))
        #expect(!deal.assumption && deal.note.isEmpty)
        #expect(deal.location == SourceLocation(file: "n.yaml", line: 40, column: 5))
    }

    @Test("an even monthly schedule stops at the horizon; an assumption note")
    func monthlySchedule() throws {
        let deal = try Self.scenario(Self.good).deals[1]
        #expect(deal.announced == 9 && deal.signed == 10)
        #expect(deal.tranches.count == 48, "2027-01 … 2030-12 of the 60 months lie within the calendar")
        #expect(deal.tranches.first == DealSpec.Tranche(period: 25, amount: 5e9))
        #expect(deal.tranches.last == DealSpec.Tranche(period: 72, amount: 5e9))
        #expect(deal.gigawatts == 4.5)
        #expect(deal.assumption && deal.note == "start and even spread assumed")
    }

    @Test("a share pledge: market, units, LTVs, rate, maturity from a tenor, one tranche at signing")
    func pledge() throws {
        let deal = try Self.scenario(Self.good).deals[2]
        #expect(deal.kind == .sharePledge && deal.announced == 4, "2025Q2 is April")
        #expect(deal.tranches == [DealSpec.Tranche(period: 4, amount: 10e9)])
        #expect(deal.market == "oracle" && deal.pledgedUnits == 100e6)
        #expect(deal.marginCallLTV == 0.5 && deal.targetLTV == 0.35 && deal.rate == 0.015)
        #expect(deal.maturity == 40)
        #expect(deal.assumption && deal.note == "margin terms as reported")
    }

    @Test("a chip order's unit price and delivery lag")
    func chipOrder() throws {
        let deal = try Self.scenario(Self.good).deals[3]
        #expect(deal.kind == .chipOrder && deal.unitPrice == 35_000 && deal.deliveryLag == 6)
        #expect(deal.tranches == [DealSpec.Tranche(period: 13, amount: 1e9)])
    }

    @Test("shocks from the file")
    func shocks() throws {
        let shocks = try Self.scenario(Self.good).shocks
        #expect(
            shocks == [
                NetworkShock(kind: .rate, size: 0.03, period: 13, text: "rate:+300bp@2026-01"),
                NetworkShock(kind: .default, size: 1, target: "openai", period: 25, text: "default:openai@2027-01"),
            ])
    }

    @Test("a quarterly calendar: dates map to their quarter, an even schedule gives each quarter its months")
    func quarterly() throws {
        let text = """
            kind: network
            name: q
            calendar: {start: 2025-01, end: 2026-12, step: quarterly}
            macro: {policy_rate: {2025-01: 4%, 2025-08: 3%}}
            entities:
              lab: {sector: model_lab}
              cloud: {sector: hyperscaler}
            deals:
              - {id: D, kind: compute_contract, from: lab, to: cloud, amount: $6B, announced: 2025-02, schedule: {start: 2025-02, months: 6}}
              - {id: E, kind: compute_contract, from: lab, to: cloud, amount: $24B, announced: 2026Q3, schedule: {start: 2026-10, months: 2y}}
            shocks: [power:-30%@2026-05]

            """
        let scenario = try Self.scenario(text)
        #expect(scenario.calendar == Timeline(start: CalendarPeriod(year: 2025, month: 1), step: .quarterly, periods: 8))
        #expect(scenario.macro.policyRate == [0.04, 0.04, 0.04, 0.03, 0.03, 0.03, 0.03, 0.03, 0.03])
        #expect(scenario.deals[0].announced == 1)
        #expect(
            scenario.deals[0].tranches == [
                DealSpec.Tranche(period: 1, amount: 2e9), DealSpec.Tranche(period: 2, amount: 3e9), DealSpec.Tranche(period: 3, amount: 1e9),
            ])
        #expect(scenario.deals[1].announced == 7)
        #expect(scenario.deals[1].tranches == [DealSpec.Tranche(period: 8, amount: 3e9)])
        #expect(scenario.shocks.map(\.period) == [6])
    }

    @Test("an even monthly schedule over a few months")
    func shortMonthlySchedule() throws {
        let text = """
            kind: network
            name: m
            calendar: {start: 2025-01, end: 2025-12}
            entities: {lab: {sector: lab}, cloud: {sector: neocloud}}
            deals:
              - {id: D, kind: compute_contract, from: lab, to: cloud, amount: $1B, announced: 2025-01, schedule: {start: 2025-03, months: 4}}

            """
        let deal = try Self.scenario(text).deals[0]
        #expect(deal.tranches == (3...6).map { DealSpec.Tranche(period: $0, amount: 0.25e9) })
    }

    @Test("tranches within $1 of the amount are accepted")
    func trancheTolerance() throws {
        let text = Self.good.replacingOccurrences(of: "{2025-04: $7.5B, 2025-12:", with: "{2025-04: 7500000000.5, 2025-12:")
        #expect(try Self.scenario(text).deals[0].tranches[0].amount == 7_500_000_000.5)
    }
}
