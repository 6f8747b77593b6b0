import Foundation
import Testing

/// Experiments in the run store: a Monte Carlo experiment killed with SIGKILL keeps its journalled
/// runs and `--resume` finishes it with the bytes of an uninterrupted one; resuming refuses what it
/// cannot continue; tipping, sensitivity and compare are listed with their answers; `--no-store`
/// records nothing. Each test uses its own store file.
@Suite("experiments in the run store")
struct ExperimentStoreTests {
    /// A folder with `fragile.yaml` (two uncertain parameters; a few tens of milliseconds a run in a
    /// debug build) and `child.yaml`, which extends it.
    static func folder() throws -> URL {
        try CLIProcess.scratch([
            "fragile.yaml": ExperimentCommandTests.fragile,
            "child.yaml": "kind: network\nextends: fragile.yaml\nname: child\n",
        ])
    }

    /// `ouroboros ARGS` started in `directory` without waiting, its output discarded.
    static func launch(_ arguments: [String], in directory: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLIProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// `ouroboros show ID --format json` as an object (nil while the store or the run does not exist yet).
    static func shown(_ id: Int, store: String) throws -> [String: Any]? {
        let show = try CLIProcess.run(["show", "\(id)", "--store", store, "--format", "json"])
        guard show.status == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
    }

    /// Polls run 1 of `store` until it satisfies `condition` (at most 60 s), and returns it.
    static func waitFor(store: String, _ condition: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let run = try shown(1, store: store), condition(run) { return run }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CancellationError()
    }

    /// The listed runs of `store` (`ouroboros runs --format json`).
    static func listed(_ store: String) throws -> [[String: Any]] {
        let runs = try CLIProcess.run(["runs", "--store", store, "--format", "json"])
        #expect(runs.status == 0, "stderr: \(runs.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(runs.stdout.utf8)) as? [String: Any]
        return object?["runs"] as? [[String: Any]] ?? []
    }

    @Test("montecarlo killed with SIGKILL keeps every journalled run; --resume finishes it, printing the uninterrupted bytes")
    func killAndResume() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("runs.sqlite").path
        let runs = 150
        let experiment = ["montecarlo", "fragile.yaml", "--runs", "\(runs)", "--seed", "9", "--threads", "2", "--format", "json"]
        let process = try Self.launch(experiment + ["--store", store], in: dir)
        let before = try Self.waitFor(store: store) { ($0["completed_runs"] as? Int ?? 0) >= 1 }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        #expect(before["status"] as? String == "running")

        // The store opens cleanly and lists the experiment as interrupted with its journalled runs.
        let list = try Self.listed(store)
        #expect(list.count == 1)
        #expect(list.first?["status"] as? String == "interrupted")
        let killed = try #require(try Self.shown(1, store: store))
        let kept = try #require(killed["completed_runs"] as? Int)
        #expect(kept >= 1 && kept < runs, "the kill must land mid-experiment; \(kept) of \(runs) runs were journalled")
        #expect(kept >= before["completed_runs"] as? Int ?? 0, "a committed run is never lost")
        #expect(killed["status"] as? String == "interrupted")

        // Arguments that define an experiment are refused with --resume; nothing changes.
        let redefined = try CLIProcess.run(["montecarlo", "--resume", "1", "--runs", "5", "--store", store], in: dir)
        #expect(redefined.status == 64 && redefined.stderr.contains("drop --runs"), "stderr: \(redefined.stderr)")

        let resumed = try CLIProcess.run(["montecarlo", "--resume", "1", "--store", store, "--threads", "2", "--format", "json"], in: dir)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        let uninterrupted = try CLIProcess.run(experiment + ["--no-store"], in: dir)
        #expect(uninterrupted.status == 0)
        #expect(resumed.stdout == uninterrupted.stdout)
        #expect(resumed.stdout.contains("\"partial\" : false"))

        // The journal holds every run exactly once; the experiment is finished with its summary.
        let export = try CLIProcess.run(["export", "1", "--store", store, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let journal = try #require(object["runs"] as? [[String: Any]])
        let indices = journal.compactMap { $0["index"] as? Int }
        #expect(indices.count == runs && Set(indices) == Set(0..<runs))
        #expect(object["status"] as? String == "finished" && object["completed_runs"] as? Int == runs)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["command"] as? String == "montecarlo")
        #expect((object["headline"] as? String)?.contains("of \(runs) runs") == true)

        // A finished experiment cannot be resumed.
        let again = try CLIProcess.run(["montecarlo", "--resume", "1", "--store", store], in: dir)
        #expect(again.status == 64 && again.stderr.contains("cannot resume run 1: it finished"), "stderr: \(again.stderr)")
    }

    @Test("Ctrl-C records the experiment as interrupted with the runs done; --resume finishes it")
    func interruptAndResume() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("runs.sqlite").path
        let runs = 150
        let experiment = ["montecarlo", "fragile.yaml", "--runs", "\(runs)", "--seed", "4", "--threads", "2", "--format", "csv"]
        let process = try Self.launch(experiment + ["--store", store], in: dir)
        _ = try Self.waitFor(store: store) { ($0["completed_runs"] as? Int ?? 0) >= 1 }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 130)

        let interrupted = try #require(try Self.shown(1, store: store))
        let done = try #require(interrupted["completed_runs"] as? Int)
        #expect(interrupted["status"] as? String == "interrupted")
        #expect(done >= 1 && done < runs, "\(done) of \(runs) runs")
        #expect((interrupted["headline"] as? String)?.contains("of \(done) runs") == true, "the summary covers the runs done")

        let resumed = try CLIProcess.run(["montecarlo", "--resume", "1", "--store", store, "--format", "csv"], in: dir)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        let uninterrupted = try CLIProcess.run(experiment + ["--no-store"], in: dir)
        #expect(resumed.stdout == uninterrupted.stdout)
        let finished = try #require(try Self.shown(1, store: store))
        #expect(finished["status"] as? String == "finished" && finished["completed_runs"] as? Int == runs)
    }

    @Test("--resume refuses an experiment whose scenario changed underneath it (exit 65) and leaves it resumable")
    func resumeRefusesChangedDefinition() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("runs.sqlite").path
        let process = try Self.launch(["montecarlo", "child.yaml", "--runs", "5000", "--threads", "1", "--store", store], in: dir)
        _ = try Self.waitFor(store: store) { _ in true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // child.yaml is stored, but the base it extends is read again on resume: change it.
        let base = dir.appendingPathComponent("fragile.yaml")
        let changed = ExperimentCommandTests.fragile.replacingOccurrences(of: "cash: $50B", with: "cash: $60B")
        #expect(changed != ExperimentCommandTests.fragile)
        try changed.write(to: base, atomically: true, encoding: .utf8)
        let refused = try CLIProcess.run(["montecarlo", "--resume", "1", "--store", store], in: dir)
        #expect(refused.status == 65, "stderr: \(refused.stderr)")
        #expect(
            refused.stderr.contains("cannot resume experiment 1") && refused.stderr.contains("not the one recorded")
                && refused.stderr.contains("scenario's hash"), "stderr: \(refused.stderr)")
        let after = try #require(try Self.shown(1, store: store))
        #expect(after["status"] as? String == "interrupted")

        let unknown = try CLIProcess.run(["montecarlo", "--resume", "7", "--store", store], in: dir)
        #expect(unknown.status == 64 && unknown.stderr.contains("no run with id 7"), "stderr: \(unknown.stderr)")
        let noStore = try CLIProcess.run(["montecarlo", "--resume", "1", "--no-store"], in: dir)
        #expect(noStore.status == 64)
    }

    @Test("tipping, sensitivity and compare are listed in `ouroboros runs` with their answers")
    func singleRecords() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("runs.sqlite").path
        let tipping = try CLIProcess.run(
            [
                "tipping", "fragile.yaml", "--shock", "demand@2025-01", "--range", "0%..-60%",
                "--format", "json", "--store", store,
            ], in: dir)
        #expect(tipping.status == 0, "stderr: \(tipping.stderr)")
        let sensitivity = try CLIProcess.run(
            [
                "sensitivity", "fragile.yaml", "--runs", "2", "--threads", "2", "--format", "json",
                "--store", store,
            ], in: dir)
        #expect(sensitivity.status == 0, "stderr: \(sensitivity.stderr)")
        let compare = try CLIProcess.run(
            [
                "compare", "fragile.yaml", "--shocks", "demand:-40%@2025-01", "--format", "json",
                "--store", store,
            ], in: dir)
        #expect(compare.status == 0, "stderr: \(compare.stderr)")

        let list = try Self.listed(store)
        #expect(list.map { $0["kind"] as? String } == ["compare", "sensitivity", "tipping"])
        #expect(list.allSatisfy { $0["status"] as? String == "finished" && $0["planned_runs"] is NSNull })
        let headlines = list.map { $0["summary"] as? String ?? "" }
        #expect(headlines[0].contains("baseline") && headlines[0].contains("demand:-40%@2025-01 breaks"), "\(headlines[0])")
        #expect(headlines[1].hasPrefix("morris on time-to-break: "), "\(headlines[1])")
        #expect(headlines[2].hasPrefix("demand shock in 2025-01: breaks by 2026-12 from -"), "\(headlines[2])")

        // The stored summary is the command's JSON output.
        for (id, printed) in [(1, tipping.stdout), (2, sensitivity.stdout), (3, compare.stdout)] {
            let export = try CLIProcess.run(["export", "\(id)", "--store", store, "--format", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
            let stored = try JSONSerialization.data(withJSONObject: try #require(object["summary"]), options: [.sortedKeys])
            let expected = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(printed.utf8)), options: [.sortedKeys])
            #expect(stored == expected, "run \(id)")
            #expect((object["scenario_text"] as? String) == ExperimentCommandTests.fragile)
        }
    }

    @Test("merge records the merged Monte Carlo result; --shard runs are not recorded")
    func mergeRecorded() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("runs.sqlite").path
        let environment = ["OUROBOROS_STORE": store]
        for index in 1...2 {
            let shard = try CLIProcess.run(
                ["montecarlo", "fragile.yaml", "--runs", "8", "--shard", "\(index)/2", "--out", "s\(index).json"],
                in: dir, environment: environment)
            #expect(shard.status == 0, "stderr: \(shard.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: store), "a shard records nothing")
        let named = try CLIProcess.run(["montecarlo", "fragile.yaml", "--runs", "8", "--shard", "1/2", "--out", "s.json", "--store", store], in: dir)
        #expect(named.status == 64 && named.stderr.contains("--shard runs are not recorded"))

        let merge = try CLIProcess.run(["merge", "s1.json", "s2.json", "--format", "json"], in: dir, environment: environment)
        #expect(merge.status == 0, "stderr: \(merge.stderr)")
        let list = try Self.listed(store)
        #expect(list.count == 1 && list.first?["kind"] as? String == "montecarlo" && list.first?["status"] as? String == "finished")
        #expect((list.first?["summary"] as? String)?.contains("of 8 runs") == true)
        let export = try CLIProcess.run(["export", "1", "--store", store, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let stored = try JSONSerialization.data(withJSONObject: try #require(object["summary"]), options: [.sortedKeys])
        let printed = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(merge.stdout.utf8)), options: [.sortedKeys])
        #expect(stored == printed)
    }

    @Test("--no-store records nothing")
    func noStore() throws {
        let dir = try Self.folder()
        let store = dir.appendingPathComponent("runs.sqlite").path
        let environment = ["OUROBOROS_STORE": store]
        for arguments in [
            ["montecarlo", "fragile.yaml", "--runs", "4"],
            ["tipping", "fragile.yaml", "--shock", "demand@2025-01", "--range", "0%..-60%"],
            ["sensitivity", "fragile.yaml", "--runs", "2"],
            ["compare", "fragile.yaml", "--shocks", "demand:-40%@2025-01"],
        ] {
            let run = try CLIProcess.run(arguments + ["--no-store", "--quiet"], in: dir, environment: environment)
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: store))
        // A recorded one, for contrast, lands in the same store.
        let recorded = try CLIProcess.run(["montecarlo", "fragile.yaml", "--runs", "4", "--quiet"], in: dir, environment: environment)
        #expect(recorded.status == 0)
        #expect(try Self.listed(store).count == 1)
    }
}
