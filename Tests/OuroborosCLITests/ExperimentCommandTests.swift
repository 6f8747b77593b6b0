import Foundation
import TestSupport
import Testing

/// End-to-end: tipping, montecarlo, sensitivity, compare and merge on a small scenario whose answer
/// is known by hand (see the comment on `labAndCloud`), and montecarlo on the built-in.
@Suite("ouroboros experiments")
struct ExperimentCommandTests {
    /// A lab earning $1B a month that owes a cloud $1B a month for 24 months, with $5B of cash: a
    /// demand shock of −x from 2025-01 breaks the loop within the horizon iff x > 5/23 (21.74%)
    /// (`Tests/Fixtures/lab-and-cloud.yaml` works it out).
    static let labAndCloud = sharedFixture("lab-and-cloud.yaml")

    static let fragile =
        labAndCloud + """
            shocks: [demand:-20%@2025-01]
            uncertain:
              shocks.1.size: {dist: uniform, low: -30%, high: -10%}
              entities.lab.cash: {dist: triangular, low: $3.5B, mode: $4.5B, high: $5.5B}

            """

    static func folder() throws -> URL {
        try CLIProcess.scratch(["lc.yaml": labAndCloud, "fragile.yaml": fragile])
    }

    @Test("tipping finds −5/23 for a demand shock, with the failure it causes, in every format")
    func tipping() throws {
        let dir = try Self.folder()
        let table = try CLIProcess.run(["tipping", "lc.yaml", "--shock", "demand@2025-01", "--range", "0%..-60%"], in: dir)
        #expect(table.status == 0, "stderr: \(table.stderr)")
        // Bisection to 0.1% (the default precision of percentage shocks) around −21.74%.
        #expect(
            table.stdout.contains("The smallest demand shock that breaks the loop by 2026-12: -21.7")
                || table.stdout.contains("The smallest demand shock that breaks the loop by 2026-12: -21.8"), "\(table.stdout)")
        #expect(table.stdout.contains("It breaks in 2026-11: lab — contractCancelled"))
        let json = try CLIProcess.run(["tipping", "lc.yaml", "--shock", "demand@2025-01", "--by", "2025", "--format", "json"], in: dir)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let size = try #require(object["size"] as? Double)
        #expect(abs(size - -5.0 / 12) < 0.002, "found \(size)")
        #expect(object["by"] as? String == "2025-12")
        let csv = try CLIProcess.run(["tipping", "lc.yaml", "--shock", "demand@2025-01", "--format", "csv"], in: dir)
        #expect(csv.stdout.hasPrefix("figure,value\nsize,-0.21"))
        let none = try CLIProcess.run(["tipping", "lc.yaml", "--shock", "demand@2025-01", "--range", "0%..-20%"], in: dir)
        #expect(none.stdout.contains("No size in the range breaks the loop by 2026-12"))
        let bad = try CLIProcess.run(["tipping", "lc.yaml", "--shock", "credit@2025-06"], in: dir)
        #expect(bad.status == 64 && bad.stderr.contains("has no size to search"))
    }

    @Test("montecarlo prints the same bytes for 1 and 3 threads, and merge of 3 shards prints them too")
    func montecarloShards() throws {
        let dir = try Self.folder()
        let base = ["montecarlo", "fragile.yaml", "--runs", "24", "--seed", "9"]
        for format in ["json", "table", "csv"] {
            let one = try CLIProcess.run(base + ["--threads", "1", "--format", format], in: dir)
            let three = try CLIProcess.run(base + ["--threads", "3", "--format", format], in: dir)
            #expect(one.status == 0, "stderr: \(one.stderr)")
            #expect(one.stdout == three.stdout)
            if format == "json" {
                #expect(!one.stdout.contains("seconds") && one.stdout.contains("\"break_probability\""))
                #expect(one.stderr.isEmpty, "no progress line when stdout is not a terminal")
            }
            var files: [String] = []
            for index in 1...3 {
                let shard = try CLIProcess.run(base + ["--shard", "\(index)/3", "--out", "s\(index).json"], in: dir)
                #expect(shard.status == 0, "stderr: \(shard.stderr)")
                files.append("s\(index).json")
            }
            let merged = try CLIProcess.run(["merge"] + files + ["--format", format], in: dir)
            #expect(merged.status == 0, "stderr: \(merged.stderr)")
            #expect(merged.stdout == one.stdout, "merge differs for \(format)")
        }
        let table = try CLIProcess.run(base, in: dir)
        #expect(table.stdout.contains("Probability that the loop has broken by the end of each year"))
        #expect(table.stdout.contains("Who failed first"))
        let missing = try CLIProcess.run(["merge", "s1.json", "s3.json"], in: dir)
        #expect(missing.status == 65 && missing.stderr.contains("runs are in no file"))
        try "{\"format\": \"something-else\"}".write(to: dir.appendingPathComponent("x.json"), atomically: true, encoding: .utf8)
        let wrong = try CLIProcess.run(["merge", "x.json"], in: dir)
        #expect(wrong.status == 65 && wrong.stderr.contains("x.json: format is 'something-else'"))
    }

    @Test("montecarlo runs the built-in with no file argument")
    func montecarloBuiltIn() throws {
        let outcome = try CLIProcess.run(["montecarlo", "--runs", "2", "--format", "json", "--quiet"])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        let definition = try #require(summary["definition"] as? [String: Any])
        #expect(definition["scenario"] as? String == "ai-capex-2025")
        #expect((definition["parameters"] as? [String])?.count ?? 0 >= 10)
        #expect(summary["runs"] as? Int == 2)
    }

    @Test("sensitivity ranks the shock's size first (Morris) and reports S1 and ST (Sobol)")
    func sensitivity() throws {
        let dir = try Self.folder()
        let morris = try CLIProcess.run(["sensitivity", "fragile.yaml", "--runs", "6", "--outcome", "broke"], in: dir)
        #expect(morris.status == 0, "stderr: \(morris.stderr)")
        #expect(morris.stdout.contains("1     shocks.1.size"))
        let sobol = try CLIProcess.run(["sensitivity", "fragile.yaml", "--method", "sobol", "--runs", "8", "--format", "csv"], in: dir)
        #expect(sobol.stdout.hasPrefix("rank,parameter,s1,s1_low,s1_high,st,st_low,st_high\n"))
        let again = try CLIProcess.run(
            ["sensitivity", "fragile.yaml", "--method", "sobol", "--runs", "8", "--format", "csv", "--threads", "1"], in: dir)
        #expect(again.stdout == sobol.stdout)
        let bad = try CLIProcess.run(["sensitivity", "fragile.yaml", "--outcome", "end:ghost.cash"], in: dir)
        #expect(bad.status == 64 && bad.stderr.contains("no entity 'ghost'"))
        let none = try CLIProcess.run(["sensitivity", "lc.yaml"], in: dir)
        #expect(none.status == 64 && none.stderr.contains("has no uncertain: parameters"))
    }

    @Test("compare sets shock sets side by side")
    func compare() throws {
        let dir = try Self.folder()
        let outcome = try CLIProcess.run(["compare", "lc.yaml", "--shocks", "demand:-30%@2025-01", "--format", "csv"], in: dir)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("figure,baseline,demand:-30%@2025-01\n"))
        #expect(outcome.stdout.contains("loop,holds,breaks\n"))
        #expect(outcome.stdout.contains("breaks in,–,2026-05\n"))
        let alone = try CLIProcess.run(["compare", "lc.yaml"], in: dir)
        #expect(alone.status == 64)
        let files = try CLIProcess.run(["compare", "lc.yaml", "fragile.yaml", "--format", "json"], in: dir)
        #expect(files.status == 0, "stderr: \(files.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(files.stdout.utf8)) as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.map { $0["label"] as? String } == ["lc", "fragile"])
        #expect(columns.map { $0["broke"] as? Bool } == [false, false])  // −20% < 5/23: both hold
        #expect((columns[1]["shocks"] as? [String]) == ["demand:-20%@2025-01"])
    }

    @Test("Ctrl-C stops taking runs, prints the runs done as partial, and exits 130")
    func interrupt() throws {
        let dir = try Self.folder()
        let process = Process()
        process.executableURL = CLIProcess.executable
        process.arguments = ["montecarlo", "fragile.yaml", "--runs", "1000000", "--threads", "2", "--format", "json"]
        process.currentDirectoryURL = dir
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        process.interrupt()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["partial"] as? Bool == true)
        let runs = try #require(summary["runs"] as? Int)
        #expect(runs > 0 && runs < 1_000_000)
    }

    @Test("a bad uncertain: entry stops every experiment with file:line:column, exit 65")
    func badUncertain() throws {
        let dir = try CLIProcess.scratch(["bad.yaml": Self.labAndCloud + "uncertain:\n  entities.lab.cash: {dist: uniform, low: $5B, high: $1B}\n"])
        let outcome = try CLIProcess.run(["montecarlo", "bad.yaml", "--runs", "2"], in: dir)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("bad.yaml:28:54: error: inverted bounds for 'entities.lab.cash'"), "\(outcome.stderr)")
    }
}
