import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// Conservation over generated networks: random entities, deals, shocks and switched-off
/// mechanisms, each run through the engine with every check on.
///
/// The engine checks both matrices in every period and throws on an imbalance or a non-finite
/// value, so a run that returns has closed its books; these tests add that every such run returns,
/// that no stock that cannot be negative is, and that the same seed gives the same run.
@Suite("random scenarios")
struct RandomScenarioPropertyTests {
    /// A random `kind: network` scenario drawn from `seed`.
    static func scenarioText(seed: UInt64) -> String {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        func billions(_ range: ClosedRange<Double>) -> String {
            "$" + DecimalText.fixed(Double.random(in: range, using: &random), decimals: 2) + "B"
        }
        /// A month of the 2025-01 … 2026-12 calendar, the `first`-th or later.
        func month(from first: Int = 1) -> String {
            let index = Int.random(in: first...24, using: &random) - 1
            let number = index % 12 + 1
            return "\(2025 + index / 12)-\(number < 10 ? "0" : "")\(number)"
        }

        let labs = (0..<Int.random(in: 1...3, using: &random)).map { "lab\($0)" }
        let clouds = (0..<Int.random(in: 1...3, using: &random)).map { "cloud\($0)" }
        let hasFund = Bool.random(using: &random)
        let hasBank = Bool.random(using: &random)
        var lines = [
            "kind: network", "name: random-\(seed)", "calendar: {start: 2025-01, end: 2026-12}", "seed: \(seed)", "entities:",
        ]
        for lab in labs {
            lines.append(
                "  \(lab): {sector: model_lab, cash: \(billions(0.5...20)), valuation: \(billions(10...300)), "
                    + "params: {paying_users: \(Int.random(in: 1...80, using: &random))M, opex: \(billions(0.1...10))}}")
        }
        for (index, cloud) in clouds.enumerated() {
            let sector = index == 0 ? "hyperscaler" : pick(["hyperscaler", "neocloud"])
            lines.append(
                "  \(cloud): {sector: \(sector), cash: \(billions(1...80)), capacity: \(Int.random(in: 0...6, using: &random)) GW, "
                    + "params: {legacy_revenue: \(billions(0...60))}}")
        }
        lines.append("  chips: {sector: chipmaker, cash: \(billions(5...60))}")
        lines.append("  investors: {sector: rest_of_world, cash: \(billions(100...1000))}")
        if hasFund { lines.append("  fund: {sector: venture_fund, cash: \(billions(5...100))}") }
        if hasBank { lines.append("  bank: {sector: bank, cash: \(billions(20...200))}") }

        lines.append("deals:")
        for number in 0..<Int.random(in: 1...12, using: &random) {
            let id = "D\(number)"
            let lab = pick(labs)
            let cloud = pick(clouds)
            let start = month()
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                lines.append(
                    "  - {id: \(id), kind: compute_contract, from: \(lab), to: \(cloud), amount: \(billions(1...60)), announced: \(start), "
                        + "schedule: {start: \(start), months: \(Int.random(in: 1...24, using: &random))}}")
            case 1:
                lines.append(
                    "  - {id: \(id), kind: equity_investment, from: \(hasFund ? "fund" : "chips"), to: \(lab), amount: \(billions(0.1...10)), announced: \(start)}"
                )
            case 2:
                lines.append("  - {id: \(id), kind: chip_order, from: \(cloud), to: chips, amount: \(billions(0.5...30)), announced: \(start)}")
            case 3:
                lines.append(
                    "  - {id: \(id), kind: bond, from: investors, to: \(cloud), amount: \(billions(1...20)), announced: \(start), rate: 5%, maturity: 2029-01}"
                )
            case 4 where hasBank:
                lines.append(
                    "  - {id: \(id), kind: bank_loan, from: bank, to: \(cloud), amount: \(billions(1...20)), announced: \(start), rate: 200bp, maturity: 2028-06}"
                )
            case 5:
                lines.append(
                    "  - {id: \(id), kind: capex_plan, from: \(cloud), to: chips, amount: \(billions(1...80)), announced: \(start), "
                        + "schedule: {start: \(start), months: \(Int.random(in: 1...18, using: &random))}}")
            default:
                lines.append(
                    "  - {id: \(id), kind: vendor_financing, from: chips, to: \(cloud), amount: \(billions(0.5...10)), announced: \(start), "
                        + "rate: 4%, maturity: 2027-06}")
            }
        }
        let shocks = (0..<Int.random(in: 0...3, using: &random)).map { _ in
            pick([
                "rate:+\(Int.random(in: 0...600, using: &random))bp", "liquidity:-\(Int.random(in: 0...900, using: &random))B",
                "demand:-\(Int.random(in: 0...80, using: &random))%", "power:-\(Int.random(in: 0...60, using: &random))%",
                "credit:freeze", "sentiment:-\(Int.random(in: 0...80, using: &random))%", "chips:delay=\(Int.random(in: 1...9, using: &random))m",
                "default:\(pick(labs + clouds))",
            ]) + "@" + month(from: 2)
        }
        if !shocks.isEmpty { lines.append("shocks: [\(shocks.joined(separator: ", "))]") }
        let switchable = ["M1", "M2", "M4", "M7", "M8", "M9", "M10", "M11"]
        let off = switchable.filter { _ in Int.random(in: 0..<4, using: &random) == 0 }
        if !off.isEmpty { lines.append("mechanisms: {\(off.map { "\($0): off" }.joined(separator: ", "))}") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func load(_ text: String, seed: UInt64) throws -> NetworkScenario {
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: "random-\(seed).yaml") else {
            fatalError("the generator writes network scenarios")
        }
        return scenario
    }

    @Test(
        "every generated network loads, runs with its books closed in every period, keeps stocks non-negative and repeats exactly",
        arguments: 0..<48 as Range<UInt64>)
    func conservation(seed: UInt64) throws {
        let text = Self.scenarioText(seed: seed)
        let scenario: NetworkScenario
        do {
            scenario = try Self.load(text, seed: seed)
        } catch {
            Issue.record("the generated scenario does not load:\n\(error)\n\(text)")
            return
        }
        let first = try NetworkSimulation(scenario: scenario).run()
        #expect(first.maxRelativeImbalance <= 1e-9, "\(text)")
        for entity in first.entities {
            // A bank's `cash` is its money net of the deposits it owes (the built-in's banks: −$23.4T,
            // the households' deposits), so only non-banks' cash must stay at or above zero.
            let cash: [(String, [Double])] = entity.sector == .bank ? [] : [("cash", entity.cash)]
            let stocks: [(String, [Double])] =
                cash + [
                    ("debt", entity.debt), ("backlog", entity.backlog), ("capacity", entity.capacityGW),
                    ("revenue", entity.revenue), ("capex", entity.capex),
                ]
            for (name, series) in stocks {
                #expect(series.allSatisfy { $0.isFinite }, "\(entity.id) \(name) is not finite\n\(text)")
                let scale = max(1, series.map(abs).max() ?? 0)
                #expect(series.allSatisfy { $0 >= -1e-9 * scale }, "\(entity.id) \(name) goes negative: \(series.min() ?? 0)\n\(text)")
            }
        }
        let second = try NetworkSimulation(scenario: scenario).run()
        #expect(second.entities.map(\.cash) == first.entities.map(\.cash))
        #expect(second.entities.map(\.marketValue) == first.entities.map(\.marketValue))
        #expect(second.events.map(\.description) == first.events.map(\.description))
    }
}
