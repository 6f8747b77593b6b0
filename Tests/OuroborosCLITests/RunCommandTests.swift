import Foundation
import TestSupport
import Testing

/// End-to-end: `ouroboros run`, `validate` and `scenarios` as a user types them.
@Suite("ouroboros CLI")
struct RunCommandTests {
    /// SIM with a government-spending step in period 10 (`Tests/Fixtures/sim-shocked.yaml`).
    static let simFile = sharedFixture("sim-shocked.yaml")

    @Test("run pc shows the book's steady state and its matrices")
    func pcRun() throws {
        let outcome = try CLIProcess.run(["run", "pc"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("PC"))
        #expect(outcome.stdout.contains("106.4"))
        #expect(outcome.stdout.contains("Balance-sheet matrix"))
        #expect(outcome.stdout.contains("Transactions-flow matrix"))
    }

    @Test("run sim.yaml --format csv matches the book's Table 3.4")
    func simCSV() throws {
        let directory = try CLIProcess.scratch(["sim.yaml": Self.simFile])
        let outcome = try CLIProcess.run(["run", "sim.yaml", "--format", "csv"], in: directory)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 62)  // header + periods 0...60
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.first == "period")
        let y = try #require(header.firstIndex(of: "Y"))
        let hh = try #require(header.firstIndex(of: "Hh"))
        let period1 = lines[2].split(separator: ",").map(String.init)
        #expect(period1[0] == "1")
        #expect(abs(Double(period1[y])! - 38.461538461538) < 1e-9)
        #expect(abs(Double(period1[hh])! - 12.307692307692) < 1e-9)
        let period3 = lines[4].split(separator: ",").map(String.init)
        #expect(abs(Double(period3[y])! - 55.939918) < 1e-6)
        // the shock lifts G from period 10 on; the new steady state is 25 / 0.2 = 125
        let last = lines[61].split(separator: ",").map(String.init)
        #expect(abs(Double(last[y])! - 125) < 0.5)
    }

    @Test("run --periods and --format json")
    func json() throws {
        let outcome = try CLIProcess.run(["run", "sim", "--periods", "5", "--format", "json"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "SIM")
        let periods = try #require(object["periods"] as? [Int])
        #expect(periods == [0, 1, 2, 3, 4, 5])
        let variables = try #require(object["variables"] as? [String: [Double]])
        #expect(abs(variables["Y"]![1] - 38.461538461538) < 1e-9)
    }

    @Test("validate: a good file exits 0, a bad one prints FILE:LINE:COLUMN errors and exits 65")
    func validate() throws {
        let bad = Self.simFile
            .replacingOccurrences(of: "  - Y = Cs + Gs", with: "  - Y = Cs + Gz")
            .replacingOccurrences(of: "periods: 60", with: "periods: sixty")
        let directory = try CLIProcess.scratch(["sim.yaml": Self.simFile, "bad.yaml": bad])
        let good = try CLIProcess.run(["validate", "sim.yaml"], in: directory)
        #expect(good.status == 0, "stderr: \(good.stderr)")
        let outcome = try CLIProcess.run(["validate", "bad.yaml"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("bad.yaml:3:10: error: expected a whole number for periods"))
    }

    @Test("unknown variable in an equation: exact line and column, exit 65")
    func unknownVariable() throws {
        let bad = Self.simFile.replacingOccurrences(of: "  - Y = Cs + Gs", with: "  - Y = Cs + Gz")
        let directory = try CLIProcess.scratch(["bad.yaml": bad])
        let outcome = try CLIProcess.run(["run", "bad.yaml"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("bad.yaml:17:14: error:"), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("Gz"))
    }

    @Test("a division by zero while running names the equation's line, exit 65")
    func divisionByZero() throws {
        let bad = Self.simFile.replacingOccurrences(of: "  - Nd = Y/W", with: "  - Nd = Y/(W - 1)")
        let directory = try CLIProcess.scratch(["bad.yaml": bad])
        let outcome = try CLIProcess.run(["run", "bad.yaml"], in: directory)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("bad.yaml:18:5: error: SIM, period 1: the equation 'Nd = Y/(W - 1)' gives"), "stderr: \(outcome.stderr)")
    }

    @Test("a scenario file over 16 MiB is refused before it is read, exit 65")
    func oversizedScenario() throws {
        let padding = String(repeating: "# padding\n", count: 1_700_000)
        let directory = try CLIProcess.scratch(["big.yaml": Self.simFile + padding])
        let outcome = try CLIProcess.run(["validate", "big.yaml"], in: directory)
        #expect(outcome.status == 65)
        #expect(
            outcome.stderr.contains("big.yaml:1:1: error: the file is 17 MB, over the 16 MiB a scenario or model file may hold"), "\(outcome.stderr)")
    }

    @Test("usage errors exit 64: a missing file, a bad option value")
    func usage() throws {
        let missing = try CLIProcess.run(["run", "no-such-model.yaml"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no-such-model.yaml"))
        let badFormat = try CLIProcess.run(["run", "sim", "--format", "xml"])
        #expect(badFormat.status == 64)
        let badPeriods = try CLIProcess.run(["run", "sim", "--periods", "0"])
        #expect(badPeriods.status == 64)
    }

    @Test("scenarios lists the built-in models")
    func scenarios() throws {
        let outcome = try CLIProcess.run(["scenarios"])
        #expect(outcome.status == 0)
        for name in ["ai-capex-2025 (default)", "pc", "sim", "simex"] { #expect(outcome.stdout.contains(name)) }
    }
}
