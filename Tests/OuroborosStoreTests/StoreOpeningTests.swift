import Foundation
import GRDB
import Testing

@testable import OuroborosStore

/// Opening stores: fresh, older schemas (migrated), newer ones and files that are no store at all.
@Suite("Run store opening and migrations")
struct StoreOpeningTests {
    /// The schema of the first released store (migration `v1-runs`), frozen as it shipped.
    static let versionOneSchema = """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1-runs');
        CREATE TABLE scenario (hash TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE run (
            id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, scenario_name TEXT NOT NULL,
            scenario_hash TEXT NOT NULL REFERENCES scenario(hash), command_line TEXT NOT NULL, seed TEXT,
            tool_version TEXT NOT NULL, host TEXT NOT NULL, process_id INTEGER NOT NULL, started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
            holds INTEGER CHECK (holds IN (0, 1)), break_period TEXT, first_failure TEXT,
            headline TEXT NOT NULL DEFAULT '', summary_json TEXT, error TEXT, period_labels TEXT,
            csv_layout TEXT CHECK (csv_layout IN ('long', 'wide')));
        CREATE INDEX run_by_start ON run(started_at);
        CREATE TABLE series (
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE, position INTEGER NOT NULL,
            entity TEXT NOT NULL, variable TEXT NOT NULL, points BLOB NOT NULL,
            PRIMARY KEY (run_id, position)) WITHOUT ROWID;
        INSERT INTO scenario VALUES ('ab12', 'kind: equations');
        INSERT INTO run (kind, scenario_name, scenario_hash, command_line, seed, tool_version, host, process_id,
                         started_at, finished_at, status, headline, summary_json, period_labels, csv_layout)
            VALUES ('equations', 'SIM', 'ab12', '["ouroboros","run","sim"]', NULL, '0.1.0', 'old-host', 1,
                    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01.000Z', 'finished', 'solved 1 periods',
                    '{"periods": 1}', '["0","1"]', 'wide');
        INSERT INTO series VALUES (1, 0, '', 'Y', x'0000000000000000000000000000F03F');
        """

    @Test("a fresh store is in WAL mode with synchronous FULL and every migration applied")
    func freshStore() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        _ = try store.begin(StoreFixtures.start())
        let (mode, migrations) = try DatabaseQueue(path: path).read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
            )
        }
        #expect(mode == "wal")
        #expect(migrations == ["v1-runs", "v2-experiments"])
        // the writer commits with FULL (2), not the NORMAL that GRDB sets when it enables WAL
        #expect(try store.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") } == 2)
    }

    @Test("eight connections opening the same new store at once all open it and record their run")
    func concurrentCreation() throws {
        for _ in 0..<5 {
            let path = try StoreFixtures.storePath()
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                do {
                    let store = try RunStore(path: path)
                    let id = try store.begin(StoreFixtures.start(text: "scenario \(i)"))
                    try store.finish(id, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)
                } catch {
                    failures.append("\(error)")
                }
            }
            #expect(failures.all.isEmpty, "\(failures.all)")
            #expect(try RunStore(path: path).runs().count == 8)
        }
    }

    @Test("a store written with the v1 schema opens, migrates, keeps its runs and takes experiments")
    func migratesOlderSchema() throws {
        let path = try StoreFixtures.storePath()
        let old = try DatabaseQueue(path: path)
        try old.write { try $0.execute(sql: Self.versionOneSchema) }
        try old.close()

        let store = try RunStore(path: path)
        let migrated = try store.run(RunID(rawValue: 1))
        #expect(migrated.scenarioName == "SIM")
        #expect(migrated.host == "old-host")
        #expect(migrated.plannedRuns == nil)
        #expect(try store.exportCSV(of: migrated.id) == "period,Y\n0,0\n1,1.0\n")
        let experiment = try store.beginExperiment(StoreFixtures.start(.monteCarlo), plannedRuns: 3, definitionJSON: "{}")
        try store.appendRuns([(0, Data("1".utf8))], to: experiment)
        #expect(try store.completedRuns(of: experiment).map(\.index) == [0])
        let migrations = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(migrations == ["v1-runs", "v2-experiments"])
        // and opening again changes nothing
        _ = try RunStore(path: path)
        #expect(try RunStore(path: path).runs().count == 2)
    }

    @Test("a store from a newer version is refused, not damaged")
    func newerSchema() throws {
        let path = try StoreFixtures.storePath()
        _ = try RunStore(path: path)
        try StoreFixtures.tamper(path, "INSERT INTO grdb_migrations VALUES ('v9-future')")
        let error = #expect(throws: StoreError.self) { try RunStore(path: path) }
        #expect(error?.description.contains("newer version") == true)
        #expect(error?.description.contains(path) == true)
        #expect(error?.isUsageError == false)
    }

    @Test("files that are not a store: text, a damaged database; paths that cannot hold one")
    func unusableFiles() throws {
        let folder = try StoreFixtures.folder()
        let text = folder.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: text))
        let notADatabase = #expect(throws: StoreError.self) { try RunStore(path: text) }
        #expect(notADatabase?.isUsageError == false)
        #expect(notADatabase?.description.contains(text) == true)
        #expect(notADatabase?.description.contains("not a SQLite database") == true)

        // a real store whose schema page is overwritten with garbage
        let damaged = folder.appendingPathComponent("damaged.sqlite").path
        let store = try RunStore(path: damaged)
        _ = try store.begin(StoreFixtures.start())
        try store.close()
        for file in [damaged, damaged + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
            try handle.seek(toOffset: 100)  // keep the 100-byte header: SQLite sees a database, then garbage pages
            try handle.write(contentsOf: Data(repeating: 0xA5, count: max(0, size - 100)))
            try handle.close()
        }
        let damage = #expect(throws: StoreError.self) { try RunStore(path: damaged).runs() }
        #expect(damage?.isUsageError == false)
        #expect(damage?.description.contains(damaged) == true)

        let missingFolder = folder.appendingPathComponent("no/such/folder/runs.sqlite").path
        let missing = #expect(throws: StoreError.self) { try RunStore(path: missingFolder) }
        #expect(missing?.isUsageError == true)
        #expect(missing?.description.contains("does not exist") == true)

        let directory = #expect(throws: StoreError.self) { try RunStore(path: folder.path) }
        #expect(directory?.isUsageError == true)
        #expect(directory?.description.contains("folder") == true)
    }

    @Test("the default store lives in ~/.ouroboros, created on first use; OUROBOROS_STORE overrides it")
    func location() throws {
        let home = try StoreFixtures.folder().path
        let fallback = RunStore.location(environment: ["HOME": home])
        #expect(fallback.path == home + "/.ouroboros/runs.sqlite")
        #expect(fallback.isDefault)
        _ = try RunStore(path: fallback.path, createFolder: fallback.isDefault)
        #expect(FileManager.default.fileExists(atPath: fallback.path))
        let chosen = RunStore.location(environment: ["HOME": home, "OUROBOROS_STORE": "/data/runs.sqlite"])
        #expect(chosen.path == "/data/runs.sqlite")
        #expect(!chosen.isDefault)
        #expect(RunStore.location(environment: ["HOME": home, "OUROBOROS_STORE": ""]).path == fallback.path)
    }

    @Test("two stores (two connections) writing at once from many threads both commit everything")
    func concurrentConnections() throws {
        let path = try StoreFixtures.storePath()
        let stores = [try RunStore(path: path), try RunStore(path: path)]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            do {
                let store = stores[i % 2]
                let id = try store.begin(StoreFixtures.start(text: "scenario \(i % 5)"))
                try store.finish(id, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        let runs = try RunStore(path: path).runs()
        #expect(runs.count == 40)
        #expect(runs.allSatisfy { $0.status == .finished && $0.seriesCount == 2 })
    }
}

/// Errors collected from concurrent work.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
