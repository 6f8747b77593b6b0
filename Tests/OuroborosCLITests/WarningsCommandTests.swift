import Foundation
import TestSupport
import Testing

/// End-to-end: `ouroboros warnings` as a user types it (M12).
@Suite("ouroboros warnings")
struct WarningsCommandTests {
    static let labAndCloud = sharedFixture("lab-and-cloud.yaml")

    @Test("the table gives each indicator's first alert, entity, value and lead before the break")
    func table() throws {
        let directory = try CLIProcess.scratch(["lab.yaml": Self.labAndCloud])
        let outcome = try CLIProcess.run(
            ["warnings", "lab.yaml", "--shock", "demand:-40%@2025-01", "--threshold", "cash_runway=6"],
            in: directory)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("The loop breaks in 2026-01"))
        let row = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("cash_runway") })
        let cells = row.split(separator: " ").map(String.init)
        #expect(cells == ["cash_runway", "below", "(months)", "6.00", "2025-07", "lab", "5.50", "6"], "\(row)")
        #expect(outcome.stdout.contains("interest_coverage") && outcome.stdout.contains("no data"))
    }

    @Test("--format csv prints the per-period values; --format json the alerts and series")
    func csvAndJSON() throws {
        let directory = try CLIProcess.scratch(["lab.yaml": Self.labAndCloud])
        let csv = try CLIProcess.run(["warnings", "lab.yaml", "--shock", "demand:-40%@2025-01", "--format", "csv"], in: directory)
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "period,indicator,entity,value")
        #expect(lines.contains("2025-07,cash_runway,lab,5.5"))
        #expect(lines.contains("2025-01,backlog_multiple,cloud,\(23.0 / 22.0)"))
        let json = try CLIProcess.run(
            [
                "warnings", "lab.yaml", "--shock", "demand:-40%@2025-01", "--format", "json",
                "--threshold", "cash_runway=6",
            ], in: directory)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["break"] as? String == "2026-01")
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        let runway = try #require(alerts.first { $0["indicator"] as? String == "cash_runway" })
        #expect(runway["period"] as? String == "2025-07")
        #expect(runway["lead_months"] as? Int == 6)
        #expect(object["observed_alerts"] is NSNull)
    }

    @Test("a bad --threshold is a usage error (64)", arguments: ["runway=6", "cash_runway=six", "cash_runway", "cash_runway=inf"])
    func badThreshold(_ text: String) throws {
        let outcome = try CLIProcess.run(["warnings", "--threshold", text])
        #expect(outcome.status == 64, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("--threshold '\(text)'"), "\(outcome.stderr)")
    }

    @Test("--observed lists the alerts of real data beside the simulated ones")
    func observed() throws {
        let directory = try CLIProcess.scratch([
            "lab.yaml": Self.labAndCloud,
            "observed.csv": "indicator,period,value\ncash_runway,2025-04,13\ncash_runway,2025-05,10\nbacklog_multiple,2025-03,2\n",
        ])
        let outcome = try CLIProcess.run(
            ["warnings", "lab.yaml", "--shock", "demand:-40%@2025-01", "--observed", "observed.csv"],
            in: directory)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("observed alert"))
        let row = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("cash_runway") })
        // simulated: 11.5 months after 2025-01, 12 months before the break; observed: 10 in 2025-05, 8 months before it
        #expect(row.split(separator: " ").map(String.init).suffix(7) == ["2025-01", "lab", "11.50", "12", "2025-05", "10.00", "8"], "\(row)")
        let backlog = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("backlog_multiple") })
        #expect(backlog.hasSuffix("none"))
        let liquidity = try #require(outcome.stdout.split(separator: "\n").first { $0.hasPrefix("system_liquidity") })
        #expect(liquidity.hasSuffix("not observed"))
    }

    @Test("a malformed --observed file is bad data (65) naming file:line:column, with nothing on stdout")
    func badObserved() throws {
        let directory = try CLIProcess.scratch([
            "observed.csv": "indicator,period,value\ncash_runway,2025/05,10\nsystem_liquidity,2025-05,low\n"
        ])
        let outcome = try CLIProcess.run(["warnings", "--observed", "observed.csv"], in: directory)
        #expect(outcome.status == 65, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("observed.csv:2:13"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("expected a month YYYY-MM, found '2025/05'"))
        #expect(outcome.stderr.contains("observed.csv:3:26") && outcome.stderr.contains("expected a number, found 'low'"))
        let header = try CLIProcess.scratch(["observed.csv": "indicator,month,value\ncash_runway,2025-05,10\n"])
        let wrongHeader = try CLIProcess.run(["warnings", "--observed", "observed.csv"], in: header)
        #expect(wrongHeader.status == 65 && wrongHeader.stdout.isEmpty)
        #expect(wrongHeader.stderr.contains("observed.csv:1:1") && wrongHeader.stderr.contains("expected the header 'indicator,period,value'"))
    }
}
