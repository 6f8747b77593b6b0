import Foundation
import Testing

/// End-to-end: the default network scenario, its JSON and CSV, shocks from the command line.
@Suite("ouroboros run: network scenarios")
struct NetworkRunTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let outcome = try CLIProcess.run(["run"] + arguments + ["--format", "json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    func finalPrice(_ object: [String: Any], market: String) throws -> Double {
        try price(object, market: market, at: nil)
    }

    /// The market's price at the period labelled `label` (the last period when nil).
    func price(_ object: [String: Any], market: String, at label: String?) throws -> Double {
        let markets = try #require(object["markets"] as? [String: [String: Any]])
        let price = try #require(markets[market]?["price"] as? [Double])
        guard let label else { return try #require(price.last) }
        let periods = try #require(object["periods"] as? [String])
        return price[try #require(periods.firstIndex(of: label))]
    }

    @Test("run with no file runs ai-capex-2025 and answers on one screen")
    func defaultTable() throws {
        let outcome = try CLIProcess.run(["run"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        for text in ["ai-capex-2025", "Weakest link", "Capital cycles", "openai", "nvidia", "round trip", "checks:"] {
            #expect(outcome.stdout.contains(text), "missing \(text)")
        }
        #expect(outcome.stdout.contains("The loop holds") || outcome.stdout.contains("THE LOOP BREAKS"))
    }

    @Test("--format json has the documented keys, crypto among the markets, closed matrices")
    func jsonShape() throws {
        let object = try json([])
        let periods = try #require(object["periods"] as? [String])
        #expect(periods.first == "2024-12" && periods.last == "2030-12")
        let entities = try #require(object["entities"] as? [[String: Any]])
        let ids = entities.compactMap { $0["id"] as? String }
        for id in [
            "openai", "anthropic", "xai", "microsoft", "oracle", "amazon", "alphabet", "meta", "coreweave", "nvidia", "amd", "broadcom", "softbank",
        ] {
            #expect(ids.contains(id), "missing entity \(id)")
        }
        let openai = try #require(entities.first { $0["id"] as? String == "openai" })
        let series = try #require(openai["series"] as? [String: [Double]])
        for key in ["cash", "revenue", "debt", "market_value"] {
            #expect(series[key]?.count == periods.count, "series \(key)")
        }
        #expect(try finalPrice(object, market: "crypto") > 0)
        #expect(object["events"] is [[String: Any]])
        let checks = try #require(object["checks"] as? [String: Double])
        #expect(try #require(checks["max_relative_imbalance"]) < 1e-9)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["broke"] is Bool)
        #expect(summary.keys.contains("break_period") && summary.keys.contains("first_failure"))
    }

    @Test("the same seed gives the same bytes; --format csv is the long form")
    func determinismAndCSV() throws {
        let first = try CLIProcess.run(["run", "--format", "json", "--seed", "7"])
        let second = try CLIProcess.run(["run", "--format", "json", "--seed", "7"])
        #expect(first.status == 0 && first.stdout == second.stdout)
        let csv = try CLIProcess.run(["run", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("period,entity,variable,value\n2024-12,"))
    }

    @Test("shocks move the result the way docs/model.md says")
    func shocks() throws {
        let base = try json([])
        // a rate rise lowers long-duration prices more than short-duration ones, when it hits
        let rate = try json(["--shock", "rate:+300bp@2026-01"])
        let nvidiaFall = try price(rate, market: "nvidia", at: "2026-01") / price(base, market: "nvidia", at: "2026-01")
        let microsoftFall = try price(rate, market: "microsoft", at: "2026-01") / price(base, market: "microsoft", at: "2026-01")
        #expect(nvidiaFall < 1 && microsoftFall < 1)
        #expect(nvidiaFall < microsoftFall, "Nvidia (longer duration) should fall more than Microsoft")
        let crypto = try json(["--shock", "crypto:-50%@2026-03"])
        #expect(try price(crypto, market: "crypto", at: "2026-03") < price(base, market: "crypto", at: "2026-03"))
        let liquidity = try json(["--shock", "liquidity:-500B@2026-01"])
        #expect(try price(liquidity, market: "crypto", at: "2026-01") < price(base, market: "crypto", at: "2026-01"))
        let defaulted = try json(["--shock", "default:openai@2027-01"])
        let summary = try #require(defaulted["summary"] as? [String: Any])
        #expect(summary["broke"] as? Bool == true)
    }

    @Test("a malformed shock or an unknown entity is a usage error (exit 64)")
    func badShocks() throws {
        for shock in ["rates:+300bp@2026-01", "default:nobody@2027-01", "rate:+300bp@1999-01", "rate:lots@2026-01"] {
            let outcome = try CLIProcess.run(["run", "--shock", shock])
            #expect(outcome.status == 64, "\(shock): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
        }
    }

    @Test("a bad network file: file:line:column errors and exit 65")
    func badFile() throws {
        let text = """
            kind: network
            name: bad
            calendar: {start: 2025-01, end: 2026-12, step: monthly}
            entities:
              lab: {name: Lab, sector: model_lab}
              cloud: {name: Cloud, sector: spaceship}
            deals:
              - {id: D1, kind: compute_contract, from: lab, to: nobody, amount: $1B, announced: 2025-02}

            """
        let directory = try CLIProcess.scratch(["bad.yaml": text])
        let outcome = try CLIProcess.run(["validate", "bad.yaml"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("bad.yaml:6:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("bad.yaml:8:"), "\(outcome.stderr)")
    }

    @Test("values outside their domain: validate and run refuse them at file:line:column with exit 65")
    func outsideDomains() throws {
        let text = """
            kind: network
            name: hostile
            calendar: {start: 2025-01, end: 2026-12, step: monthly}
            behaviour:
              chipmaker: {units_per_gw: 0}
            entities:
              lab: {name: Lab, sector: model_lab, cash: $1B, params: {arpu: -$240}}
              nv: {name: Nvidia, sector: chipmaker, cash: $1B}
            markets:
              nv: {kind: equity, units: 1B, price: $100, duration: 0, depth: $1B}

            """
        let directory = try CLIProcess.scratch(["hostile.yaml": text])
        for command in ["validate", "run"] {
            let outcome = try CLIProcess.run([command, "hostile.yaml"], in: directory)
            #expect(outcome.status == 65, "\(command): \(outcome.stderr)")
            #expect(
                outcome.stderr.contains("hostile.yaml:5:29: error: expected a positive value for behaviour.chipmaker.units_per_gw, found '0'"),
                "\(outcome.stderr)")
            #expect(
                outcome.stderr.contains(
                    "hostile.yaml:7:65: error: expected a non-negative value for parameter 'arpu' of entity 'lab', found '-$240'"),
                "\(outcome.stderr)")
            #expect(
                outcome.stderr.contains("hostile.yaml:10:56: error: expected a positive value for the duration of market 'nv', found '0'"),
                "\(outcome.stderr)")
        }
    }
}
