import Foundation
import Testing

/// The run store as a user meets it: `run` records, `runs` lists and prunes, `show` and `export` read back.
@Suite("ouroboros run store")
struct StoreCommandTests {
    static let model = RunCommandTests.simFile

    /// `ouroboros ARGS --store STORE` in `directory`.
    static func run(_ arguments: [String], store: String, in directory: URL? = nil) throws -> CLIProcess.Outcome {
        try CLIProcess.run(arguments + ["--store", store], in: directory)
    }

    static func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("run records an equation model; runs lists it; export gives back the CSV byte for byte; show --scenario the file")
    func equationRoundTrip() throws {
        let directory = try CLIProcess.scratch(["sim.yaml": Self.model])
        let store = directory.appendingPathComponent("runs.sqlite").path
        let printed = try Self.run(["run", "sim.yaml", "--periods", "12", "--format", "csv"], store: store, in: directory)
        #expect(printed.status == 0, "stderr: \(printed.stderr)")

        let listed = try Self.run(["runs", "--format", "csv"], store: store)
        #expect(listed.status == 0, "stderr: \(listed.stderr)")
        let rows = Self.csvRows(listed.stdout)
        #expect(rows.count == 1)
        #expect(rows.first?[0] == "1")
        #expect(rows.first?[1] == "equations")
        #expect(rows.first?[2] == "SIM")
        #expect(rows.first?[5] == "finished")

        let exported = try Self.run(["export", "1"], store: store)
        #expect(exported.status == 0, "stderr: \(exported.stderr)")
        #expect(exported.stdout == printed.stdout)
        let file = directory.appendingPathComponent("out/run1.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(try Self.run(["export", "1", "--format", "csv", "--out", file.path], store: store).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)

        let scenario = try Self.run(["show", "1", "--scenario"], store: store)
        #expect(scenario.stdout == Self.model)
        let shown = try Self.run(["show", "1"], store: store)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("finished"))
        #expect(shown.stdout.contains("ouroboros run sim.yaml --periods 12 --format csv"))
        #expect(shown.stdout.contains("solved 12 periods"))
    }

    @Test("a network run: summary columns, seed and shocks recorded; CSV export equals run --format csv")
    func networkRoundTrip() throws {
        let store = try CLIProcess.scratch([:]).appendingPathComponent("runs.sqlite").path
        let printed = try Self.run(["run", "--shock", "rate:+300bp@2026-01", "--format", "csv"], store: store)
        #expect(printed.status == 0, "stderr: \(printed.stderr)")
        #expect(try Self.run(["export", "1", "--format", "csv"], store: store).stdout == printed.stdout)

        let shown = try Self.run(["show", "1", "--format", "json"], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "network")
        #expect(object["scenario"] as? String == "ai-capex-2025")
        #expect(object["seed"] as? Int == 2025)
        #expect((object["command_line"] as? [String])?.contains("rate:+300bp@2026-01") == true)
        #expect((object["scenario_sha256"] as? String)?.count == 64)
        #expect(object["holds"] is Bool)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["holds"] as? Bool == object["holds"] as? Bool)
        #expect(object["series"] as? Int ?? 0 > 0)

        let json = try Self.run(["export", "1", "--format", "json"], store: store)
        let full = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let series = try #require(full["series"] as? [[String: Any]])
        let periods = try #require(full["periods"] as? [String])
        // every CSV row is in the JSON series, in order
        let rows = Self.csvRows(printed.stdout)
        #expect(rows.count == series.count * periods.count)
        let first = try #require(series.first)
        #expect(rows[1][0] == periods[1])
        #expect(rows[1][1] == first["entity"] as? String)
        #expect(rows[1][2] == first["variable"] as? String)
        #expect(Double(rows[1][3]) == (first["values"] as? [Double])?[1])
    }

    @Test("runs: newest first, --limit, json and table; export --format sqlite makes a store with that run only")
    func listingAndDatabaseExport() throws {
        let directory = try CLIProcess.scratch(["sim.yaml": Self.model])
        let store = directory.appendingPathComponent("runs.sqlite").path
        for periods in ["2", "3", "4"] {
            #expect(try Self.run(["run", "sim.yaml", "--periods", periods], store: store, in: directory).status == 0)
        }
        let json = try Self.run(["runs", "--format", "json"], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? Int } == [3, 2, 1])
        #expect(runs.map { $0["summary"] as? String }.first??.hasPrefix("solved 4 periods") == true)
        #expect(Self.csvRows(try Self.run(["runs", "--format", "csv", "--limit", "2"], store: store).stdout).map { $0[0] } == ["3", "2"])
        let table = try Self.run(["runs"], store: store)
        #expect(table.stdout.contains("started (UTC)"))
        #expect(table.stdout.split(separator: "\n").count == 5)  // header, rule, three runs

        let copy = directory.appendingPathComponent("run2.sqlite").path
        let exported = try Self.run(["export", "2", "--format", "sqlite", "--out", copy], store: store)
        #expect(exported.status == 0, "stderr: \(exported.stderr)")
        #expect(Self.csvRows(try Self.run(["runs", "--format", "csv"], store: copy).stdout).map { $0[0] } == ["2"])
        #expect(try Self.run(["export", "2"], store: copy).stdout == (try Self.run(["export", "2"], store: store).stdout))
        let noOut = try Self.run(["export", "2", "--format", "sqlite"], store: store)
        #expect(noOut.status == 64)
        #expect(noOut.stderr.contains("--out"))
    }

    @Test("--no-store records nothing; OUROBOROS_STORE chooses the store, --store overrides it; the default is ~/.ouroboros/runs.sqlite")
    func storeLocation() throws {
        let directory = try CLIProcess.scratch([:])
        let fromEnvironment = directory.appendingPathComponent("env.sqlite").path
        let fromOption = directory.appendingPathComponent("option.sqlite").path
        let none = try CLIProcess.run(["run", "sim", "--periods", "2", "--no-store"], environment: ["OUROBOROS_STORE": fromEnvironment])
        #expect(none.status == 0)
        #expect(!FileManager.default.fileExists(atPath: fromEnvironment))
        #expect(try CLIProcess.run(["run", "sim", "--periods", "2"], environment: ["OUROBOROS_STORE": fromEnvironment]).status == 0)
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
        #expect(
            try CLIProcess.run(["run", "sim", "--periods", "2", "--store", fromOption], environment: ["OUROBOROS_STORE": fromEnvironment]).status == 0
        )
        #expect(Self.csvRows(try Self.run(["runs", "--format", "csv"], store: fromEnvironment).stdout).count == 1)
        #expect(Self.csvRows(try Self.run(["runs", "--format", "csv"], store: fromOption).stdout).count == 1)

        let home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let defaulted = try CLIProcess.run(["run", "sim", "--periods", "2"], environment: ["OUROBOROS_STORE": "", "HOME": home.path])
        #expect(defaulted.status == 0, "stderr: \(defaulted.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent(".ouroboros/runs.sqlite").path))
        let both = try CLIProcess.run(["run", "sim", "--no-store", "--store", fromOption])
        #expect(both.status == 64)
    }

    @Test("a store that cannot be used stops the run before it starts: not a database 65, bad folder 64, path named")
    func unusableStore() throws {
        let directory = try CLIProcess.scratch(["notes.txt": String(repeating: "not a database\n", count: 300)])
        let notes = directory.appendingPathComponent("notes.txt").path
        let bad = try Self.run(["run", "sim", "--periods", "2"], store: notes)
        #expect(bad.status == 65)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains(notes))
        #expect(bad.stderr.contains("--no-store"))
        #expect(try String(contentsOfFile: notes, encoding: .utf8).hasPrefix("not a database"))  // untouched

        let missing = directory.appendingPathComponent("no/such/folder/runs.sqlite").path
        let noFolder = try Self.run(["run", "sim", "--periods", "2"], store: missing)
        #expect(noFolder.status == 64)
        #expect(noFolder.stderr.contains(missing))
        let folder = try Self.run(["run", "sim", "--periods", "2"], store: directory.path)
        #expect(folder.status == 64)
        #expect(folder.stderr.contains("folder"))
        let reading = try Self.run(["runs"], store: notes)
        #expect(reading.status == 65)
    }

    @Test("unknown or malformed run ids are usage errors (64) that say what to do")
    func unknownRuns() throws {
        let store = try CLIProcess.scratch([:]).appendingPathComponent("runs.sqlite").path
        let empty = try Self.run(["runs"], store: store)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("No runs recorded"))
        #expect(!FileManager.default.fileExists(atPath: store))  // reading creates nothing
        #expect(try Self.run(["run", "sim", "--periods", "2"], store: store).status == 0)
        for arguments in [["show", "99"], ["export", "99"], ["export", "99", "--format", "json"], ["show", "99", "--scenario"]] {
            let outcome = try Self.run(arguments, store: store)
            #expect(outcome.status == 64, "\(arguments)")
            #expect(outcome.stderr.contains("no run with id 99"), "\(arguments)")
            #expect(outcome.stderr.contains(store), "\(arguments)")
        }
        for arguments in [["show", "abc"], ["show", "0"], ["export", "-3"], ["show", "1", "--format", "csv"]] {
            #expect(try Self.run(arguments, store: store).status == 64, "\(arguments)")
        }
    }

    @Test("a run that fails is recorded as failed with its error, and the error still exits 65")
    func failedRun() throws {
        let bad = "kind: equations\nname: BAD\nperiods: 3\nexogenous: {Z: 0}\ninitial: {}\nequations:\n  - Y = 1 / Z\n"
        let directory = try CLIProcess.scratch(["bad.yaml": bad])
        let store = directory.appendingPathComponent("runs.sqlite").path
        let failed = try Self.run(["run", "bad.yaml"], store: store, in: directory)
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("bad.yaml:7:5: error: BAD, period 1: the equation 'Y = 1 / Z' gives infinity"))
        let listed = try Self.run(["runs", "--format", "csv"], store: store).stdout
        #expect(Self.csvRows(listed).first?[5] == "failed")
        // the summary column, quoted for its commas
        #expect(listed.contains("\"error: BAD, period 1: the equation 'Y = 1 / Z' gives infinity (a division by zero"))
        let export = try Self.run(["export", "1"], store: store)
        #expect(export.status == 64)
        #expect(export.stderr.contains("failed"))
    }

    @Test("runs --prune --keep, --id and --before delete and say how many; bad prune options are usage errors")
    func prune() throws {
        let store = try CLIProcess.scratch([:]).appendingPathComponent("runs.sqlite").path
        for _ in 0..<4 { #expect(try Self.run(["run", "sim", "--periods", "2"], store: store).status == 0) }
        let kept = try Self.run(["runs", "--prune", "--keep", "2"], store: store)
        #expect(kept.status == 0, "stderr: \(kept.stderr)")
        #expect(kept.stdout.hasPrefix("Deleted 2 runs"))
        #expect(Self.csvRows(try Self.run(["runs", "--format", "csv"], store: store).stdout).map { $0[0] } == ["4", "3"])
        let byID = try Self.run(["runs", "--prune", "--id", "3"], store: store)
        #expect(byID.stdout.hasPrefix("Deleted 1 run "))
        #expect(try Self.run(["runs", "--prune", "--id", "3"], store: store).status == 64)  // already gone
        let old = try Self.run(["runs", "--prune", "--before", "2000-01-01"], store: store)
        #expect(old.stdout.hasPrefix("Deleted 0 runs"))
        let all = try Self.run(["runs", "--prune", "--before", "2999-01-01T00:00"], store: store)
        #expect(all.stdout.hasPrefix("Deleted 1 run "))
        #expect(Self.csvRows(try Self.run(["runs", "--format", "csv"], store: store).stdout).isEmpty)
        for arguments in [
            ["runs", "--prune"], ["runs", "--keep", "1"], ["runs", "--prune", "--before", "last week"],
            ["runs", "--prune", "--keep", "1", "--id", "2"], ["runs", "--limit", "0"],
        ] {
            #expect(try Self.run(arguments, store: store).status == 64, "\(arguments)")
        }
    }
}
