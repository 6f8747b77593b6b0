import Foundation
import GRDB
import OuroborosReport
import OuroborosStore
import Testing

/// Recording runs and reading them back.
@Suite("Run store")
struct RunStoreTests {
    @Test("a finished run reads back with its metadata, summary and exact series")
    func roundTrip() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let id = try store.begin(StoreFixtures.start())
        #expect(try store.run(id).status == .running)
        #expect(try store.run(id).finishedAt == nil)
        try store.finish(id, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)

        let record = try store.run(id)
        #expect(record.kind == .network)
        #expect(record.scenarioName == "toy")
        #expect(record.scenarioHash == SHA256.hex("kind: network\nname: toy\n"))
        #expect(record.commandLine == ["ouroboros", "run", "toy.yaml", "--seed", "7"])
        #expect(record.seed == 7)
        #expect(record.toolVersion == "0.1.0-test")
        #expect(record.status == .finished)
        #expect(record.processID == getpid())
        #expect(record.summary == StoreFixtures.summary)
        #expect(record.seriesCount == 2)
        let started = try #require(Timestamp.parse(record.startedAt))
        let finished = try #require(record.finishedAt.flatMap(Timestamp.parse))
        #expect(started <= finished)
        #expect(try store.scenarioText(of: id) == "kind: network\nname: toy\n")
        #expect(try store.series(of: id) == StoreFixtures.series)
        #expect(
            try store.exportCSV(of: id) == """
                period,entity,variable,value
                2025-01,openai,cash,1.5
                2025-02,openai,cash,-2.25
                2025-03,openai,cash,3000000000000.0
                2025-01,macro,policy_rate,0.0425
                2025-02,macro,policy_rate,0.04
                2025-03,macro,policy_rate,0.0375

                """)
    }

    @Test("every bit of a series survives: NaN, infinities, signed zero, subnormals")
    func exactValues() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let values = [Double.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1 + 0.2]
        let series = RunSeries(
            layout: .wide, periodLabels: (0..<values.count).map(String.init),
            columns: [.init(entity: "", variable: "X", values: values)])
        let id = try store.begin(StoreFixtures.start(.equations))
        try store.finish(id, status: .finished, series: series)
        let back = try #require(try store.series(of: id)?.columns.first?.values)
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test("the same scenario text is stored once; runs list newest first; --limit")
    func listing() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let ids = try (0..<4).map { _ in try store.begin(StoreFixtures.start()) }
        #expect(try store.runs().map(\.id) == ids.reversed())
        #expect(try store.runs(limit: 2).map(\.id) == [ids[3], ids[2]])
        let scenarios = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM scenario") }
        #expect(scenarios == 1)
    }

    @Test("a failed run keeps its error and no series; CSV export says why")
    func failedRun() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let id = try store.begin(StoreFixtures.start())
        try store.finish(id, status: .failed, error: "the model does not solve in period 3")
        let record = try store.run(id)
        #expect(record.status == .failed)
        #expect(record.error == "the model does not solve in period 3")
        #expect(record.summary == nil)
        #expect(try store.series(of: id) == nil)
        let error = #expect(throws: StoreError.self) { try store.exportCSV(of: id) }
        #expect(error?.isUsageError == true)
        #expect(error?.description.contains("failed") == true)
    }

    @Test("unknown ids, invalid JSON and series of the wrong length are errors naming the store")
    func errors() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let missing = RunID(rawValue: 99)
        #expect(throws: StoreError.unknownRun(missing, path: path)) { try store.run(missing) }
        #expect(throws: StoreError.unknownRun(missing, path: path)) { try store.finish(missing, status: .finished) }
        #expect(throws: StoreError.unknownRun(missing, path: path)) { try store.scenarioText(of: missing) }
        let id = try store.begin(StoreFixtures.start())
        var bad = StoreFixtures.summary
        bad.json = "{holds: nan}"
        let invalid = #expect(throws: StoreError.self) { try store.finish(id, status: .finished, summary: bad) }
        #expect(invalid?.isUsageError == false)
        #expect(invalid?.description.contains(path) == true)
        var short = StoreFixtures.series
        short.columns[1].values.removeLast()
        let misshapen = #expect(throws: StoreError.self) { try store.finish(id, status: .finished, series: short) }
        #expect(misshapen?.description.contains("macro.policy_rate") == true)
        #expect(try store.run(id).status == .running)  // nothing half-written
    }

    @Test("a running run whose process is gone is reported as interrupted")
    func orphans() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let mine = try store.begin(StoreFixtures.start())
        let orphan = try store.begin(StoreFixtures.start())
        try StoreFixtures.tamper(path, "UPDATE run SET process_id = ? WHERE id = ?", [try StoreFixtures.deadProcessID(), orphan.rawValue])
        #expect(try store.run(mine).isOrphaned == false)
        #expect(try store.run(mine).reportedStatus == .running)
        #expect(try store.run(orphan).isOrphaned)
        #expect(try store.run(orphan).reportedStatus == .interrupted)
    }

    @Test("prune by date, by count and by id deletes runs with their series and unused scenario texts, never a live run")
    func prune() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        var ids: [RunID] = []
        for (i, day) in ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"].enumerated() {
            let id = try store.begin(StoreFixtures.start(text: "scenario \(i)"))
            try store.finish(id, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)
            try StoreFixtures.tamper(path, "UPDATE run SET started_at = ? WHERE id = ?", ["\(day)T12:00:00.000Z", id.rawValue])
            ids.append(id)
        }
        let live = try store.begin(StoreFixtures.start(text: "live"))  // this process: alive
        try StoreFixtures.tamper(path, "UPDATE run SET started_at = '2025-12-01T00:00:00.000Z' WHERE id = ?", [live.rawValue])

        let byDate = try store.prune(.startedBefore(try #require(Timestamp.parse("2026-02-15"))))
        #expect(byDate.deleted == [ids[0], ids[1]])
        #expect(byDate.stillRunning == [live])
        let byCount = try store.prune(.keepNewest(2))
        #expect(byCount.deleted == [ids[2]])
        #expect(try store.runs().map(\.id) == [ids[4], ids[3], live])
        let byID = try store.prune(.ids([ids[3]]))
        #expect(byID.deleted == [ids[3]])
        #expect(throws: StoreError.self) { try store.prune(.ids([RunID(rawValue: 1000)])) }

        let counts = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM series"), try Int.fetchOne(db, sql: "SELECT count(*) FROM scenario"))
        }
        #expect(counts.0 == 2)  // the two series of ids[4]
        #expect(counts.1 == 2)  // the texts of ids[4] and of the live run
    }

    @Test("timestamps: fixed-width UTC with milliseconds; user dates parsed, impossible ones refused")
    func timestamps() {
        #expect(Timestamp.format(seconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(seconds: 1_795_000_000, milliseconds: 7) == "2026-11-18T11:06:40.007Z")
        #expect(Timestamp.parse("2026-11-01") == "2026-11-01T00:00:00.000Z")
        #expect(Timestamp.parse("2026-11-01T12:30") == "2026-11-01T12:30:00.000Z")
        #expect(Timestamp.parse("2026-11-01 12:30:15Z") == "2026-11-01T12:30:15.000Z")
        #expect(Timestamp.parse("2026-11-01T12:30:15.250Z") == "2026-11-01T12:30:15.250Z")
        #expect(Timestamp.parse("2026-02-30") == nil)
        #expect(Timestamp.parse("2026-13-01") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.parse("2026-11-01T25:00") == nil)
        #expect(Timestamp.now().count == 24)
    }
}
