public import Foundation
import GRDB
import OuroborosCore

/// The local record of every run: a SQLite database (WAL mode) that several processes can
/// write at once and that a killed process leaves consistent.
///
/// Durability: WAL with `synchronous = FULL`, so a committed run survives not only a killed
/// process (which WAL alone guarantees) but also a power cut; the cost is one fsync per commit,
/// which the experiment journal keeps to a few per second by committing in batches.
/// Concurrency: writes are IMMEDIATE transactions and wait up to `busyTimeout` for a lock held
/// by another process, so two `ouroboros run` at once both record their run.
/// Thread-safe: share one store between tasks.
public final class RunStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    /// How long a write waits for another process's lock before failing.
    public static let busyTimeout: TimeInterval = 30

    /// Opens the store at `path`, creating it (and, with `createFolder`, its folder) when
    /// missing, and migrating an older schema to this version's.
    public init(path: String, createFolder: Bool = false) throws(StoreError) {
        self.path = path
        try Self.checkLocation(path, createFolder: createFolder)
        pool = try Self.openPool(path)
        try migrate()
    }

    /// Closes the database; later calls fail. Not needed before exit (SQLite is crash-safe),
    /// but lets the last process fold the WAL back into the database file.
    public func close() throws(StoreError) {
        try perform("close the database") { try pool.close() }
    }

    // MARK: - Recording a run

    /// Records the start of a run (status `running`) and returns its id.
    public func begin(_ start: RunStart) throws(StoreError) -> RunID {
        try insertRun(start, plannedRuns: nil, definitionJSON: nil)
    }

    /// Records how a run ended: its status, its summary and series when it has them, and the
    /// error that stopped it when it failed. `seed` replaces the recorded seed when given (a run
    /// whose seed was only known once it began). Replaces series stored earlier for the run.
    public func finish(
        _ id: RunID, status: RunStatus, summary: RunSummary? = nil, series: RunSeries? = nil,
        error: String? = nil, seed: UInt64? = nil
    ) throws(StoreError) {
        if let summary { try validateJSON(summary.json, what: "summary of run \(id)") }
        if let series, let column = series.misshapenColumn {
            throw .invalidRecord(
                path: path,
                reason:
                    "series \(column.entity).\(column.variable) of run \(id) has \(column.values.count) values for \(series.periodLabels.count) periods"
            )
        }
        let labels = series.map { jsonArray($0.periodLabels) }
        try perform("record the end of run \(id)") {
            try pool.write { db in
                try db.execute(
                    sql: """
                        UPDATE run SET status = ?, finished_at = ?, holds = ?, break_period = ?, first_failure = ?,
                            headline = ?, summary_json = ?, error = ?, period_labels = ?, csv_layout = ?,
                            seed = coalesce(?, seed)
                        WHERE id = ?
                        """,
                    arguments: [
                        status.rawValue, Timestamp.now(), summary?.holds, summary?.breakPeriod,
                        summary?.firstFailure, summary?.headline ?? "", summary?.json, error,
                        labels, series?.layout.rawValue, seed.map(String.init), id.rawValue,
                    ])
                guard db.changesCount == 1 else { throw StoreError.unknownRun(id, path: path) }
                try db.execute(sql: "DELETE FROM series WHERE run_id = ?", arguments: [id.rawValue])
                if let series {
                    let insert = try db.cachedStatement(sql: "INSERT INTO series (run_id, position, entity, variable, points) VALUES (?, ?, ?, ?, ?)")
                    for (position, column) in series.columns.enumerated() {
                        try insert.execute(arguments: [id.rawValue, position, column.entity, column.variable, SeriesBlob.encode(column.values)])
                    }
                }
            }
        }
    }

    // MARK: - Reading

    /// The runs, newest first, at most `limit` of them.
    public func runs(limit: Int? = nil) throws(StoreError) -> [RunRecord] {
        try perform("list the runs") {
            try pool.read { db in
                try Row.fetchAll(
                    db, sql: Self.recordQuery + " ORDER BY run.started_at DESC, run.id DESC LIMIT ?",
                    arguments: [limit ?? -1]
                ).map(Self.record)
            }
        }
    }

    /// The run with this id.
    public func run(_ id: RunID) throws(StoreError) -> RunRecord {
        let row = try perform("read run \(id)") {
            try pool.read { db in try Row.fetchOne(db, sql: Self.recordQuery + " WHERE run.id = ?", arguments: [id.rawValue]) }
        }
        guard let row else { throw .unknownRun(id, path: path) }
        return Self.record(row)
    }

    /// The full text of the scenario or model the run ran, byte for byte.
    public func scenarioText(of id: RunID) throws(StoreError) -> String {
        let text = try perform("read the scenario of run \(id)") {
            try pool.read { db in
                try String.fetchOne(
                    db, sql: "SELECT scenario.text FROM run JOIN scenario ON scenario.hash = run.scenario_hash WHERE run.id = ?",
                    arguments: [id.rawValue])
            }
        }
        guard let text else { throw .unknownRun(id, path: path) }
        return text
    }

    /// The run's series, or nil when it stored none (a failed run, most experiments).
    public func series(of id: RunID) throws(StoreError) -> RunSeries? {
        let found: (labels: String?, layout: String?, columns: [(String, String, Data)])? = try perform("read the series of run \(id)") {
            try pool.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT period_labels, csv_layout FROM run WHERE id = ?", arguments: [id.rawValue]) else {
                    return nil
                }
                let columns = try Row.fetchAll(
                    db, sql: "SELECT entity, variable, points FROM series WHERE run_id = ? ORDER BY position",
                    arguments: [id.rawValue]
                ).map { ($0["entity"] as String, $0["variable"] as String, $0["points"] as Data) }
                return (row["period_labels"], row["csv_layout"], columns)
            }
        }
        guard let found else { throw .unknownRun(id, path: path) }
        guard let labelsText = found.labels, let layoutName = found.layout else { return nil }
        guard let labels = try? JSONDecoder().decode([String].self, from: Data(labelsText.utf8)),
            let layout = RunSeries.Layout(rawValue: layoutName)
        else {
            throw .notAStore(path: path, reason: "run \(id) has unreadable period labels")
        }
        var columns: [RunSeries.Column] = []
        for (entity, variable, points) in found.columns {
            guard let values = SeriesBlob.decode(points) else {
                throw .notAStore(path: path, reason: "series \(entity).\(variable) of run \(id) is not a list of doubles")
            }
            columns.append(RunSeries.Column(entity: entity, variable: variable, values: values))
        }
        return RunSeries(layout: layout, periodLabels: labels, columns: columns)
    }

    // MARK: - Pruning

    /// Which runs to delete.
    public enum Pruning: Sendable, Equatable {
        /// Runs begun before this instant (a stored timestamp, see `Timestamp.parse`).
        case startedBefore(String)
        /// All but the `count` newest runs.
        case keepNewest(Int)
        /// These runs.
        case ids([RunID])
    }

    /// What a prune did.
    public struct PruneResult: Sendable, Equatable {
        /// The runs deleted, with their series and journals.
        public var deleted: [RunID]
        /// Selected runs left alone because a live process is still writing them.
        public var stillRunning: [RunID]
    }

    /// Deletes the selected runs with their series and experiment journals (never a run whose
    /// process is still alive), then the scenario texts no run refers to any more.
    public func prune(_ pruning: Pruning) throws(StoreError) -> PruneResult {
        let selection: (sql: String, arguments: StatementArguments)
        switch pruning {
        case .startedBefore(let instant):
            selection = ("started_at < ?", [instant])
        case .keepNewest(let count):
            selection = ("id NOT IN (SELECT id FROM run ORDER BY started_at DESC, id DESC LIMIT ?)", [max(0, count)])
        case .ids(let ids):
            for id in ids { _ = try run(id) }  // an unknown id is an error, not a silent zero
            selection = ("id IN (" + ids.map { _ in "?" }.joined(separator: ", ") + ")", StatementArguments(ids.map(\.rawValue)))
        }
        let host = Self.hostName
        return try perform("delete runs") {
            try pool.write { db in
                let candidates = try Row.fetchAll(
                    db, sql: "SELECT id, status, host, process_id FROM run WHERE " + selection.sql,
                    arguments: selection.arguments)
                var result = PruneResult(deleted: [], stillRunning: [])
                for row in candidates {
                    let id = RunID(rawValue: row["id"])
                    let live =
                        (row["status"] as String) == RunStatus.running.rawValue
                        && !Self.isOrphaned(host: row["host"], processID: row["process_id"], thisHost: host)
                    if live { result.stillRunning.append(id) } else { result.deleted.append(id) }
                }
                for chunk in stride(from: 0, to: result.deleted.count, by: 500) {
                    let ids = result.deleted[chunk..<min(chunk + 500, result.deleted.count)]
                    try db.execute(
                        sql: "DELETE FROM run WHERE id IN (" + ids.map { _ in "?" }.joined(separator: ", ") + ")",
                        arguments: StatementArguments(ids.map(\.rawValue)))
                }
                try db.execute(sql: "DELETE FROM scenario WHERE hash NOT IN (SELECT scenario_hash FROM run)")
                return result
            }
        }
    }

    // MARK: - Internals shared with the experiment journal and the exports

    func insertRun(_ start: RunStart, plannedRuns: Int?, definitionJSON: String?) throws(StoreError) -> RunID {
        let commandLine = jsonArray(start.commandLine)
        let hash = SHA256.hex(start.scenarioText)
        let host = Self.hostName
        return try perform("record the start of a run") {
            try pool.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO scenario (hash, text) VALUES (?, ?)", arguments: [hash, start.scenarioText])
                try db.execute(
                    sql: """
                        INSERT INTO run (kind, scenario_name, scenario_hash, command_line, seed, tool_version, host, process_id,
                                         started_at, status, planned_runs, definition_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)
                        """,
                    arguments: [
                        start.kind.rawValue, start.scenarioName, hash, commandLine, start.seed.map(String.init),
                        start.toolVersion, host, Int(CLibrary.processID), Timestamp.now(), plannedRuns, definitionJSON,
                    ])
                return RunID(rawValue: db.lastInsertedRowID)
            }
        }
    }

    /// Runs `body`, turning any database error into a `StoreError` that names this store.
    func perform<T>(_ action: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw .notAStore(path: path, reason: Self.message(error))
        } catch let error as DatabaseError {
            throw .databaseFailure(path: path, action: action, reason: Self.message(error))
        } catch {
            throw .databaseFailure(path: path, action: action, reason: "\(error)")
        }
    }

    func validateJSON(_ text: String, what: String) throws(StoreError) {
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil else {
            throw .invalidRecord(path: path, reason: "the \(what) is not valid JSON: \(text.prefix(80))")
        }
    }

    func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map(NumberText.jsonString).joined(separator: ",") + "]"
    }

    /// The columns of `RunRecord`, with the experiment's journal and series counted.
    static let recordQuery = """
        SELECT run.*,
            (SELECT count(*) FROM series WHERE series.run_id = run.id) AS series_count,
            CASE WHEN run.planned_runs IS NULL THEN NULL
                 ELSE (SELECT count(*) FROM experiment_run WHERE experiment_run.run_id = run.id) END AS completed_runs
        FROM run
        """

    static func record(_ row: Row) -> RunRecord {
        let status = RunStatus(rawValue: row["status"]) ?? .failed
        let host: String = row["host"]
        let processID: Int32 = row["process_id"]
        let summaryJSON: String? = row["summary_json"]
        let headline: String = row["headline"]
        let commandLine = (try? JSONDecoder().decode([String].self, from: Data((row["command_line"] as String).utf8))) ?? []
        let summary = summaryJSON.map {
            RunSummary(holds: row["holds"], breakPeriod: row["break_period"], firstFailure: row["first_failure"], headline: headline, json: $0)
        }
        return RunRecord(
            id: RunID(rawValue: row["id"]), kind: RunKind(rawValue: row["kind"]), scenarioName: row["scenario_name"],
            scenarioHash: row["scenario_hash"], commandLine: commandLine, seed: (row["seed"] as String?).flatMap { UInt64($0) },
            toolVersion: row["tool_version"], host: host, processID: processID, startedAt: row["started_at"],
            finishedAt: row["finished_at"], status: status,
            isOrphaned: status == .running && isOrphaned(host: host, processID: processID, thisHost: hostName),
            summary: summary, error: row["error"], plannedRuns: row["planned_runs"], completedRuns: row["completed_runs"],
            seriesCount: row["series_count"])
    }

    /// True when the process that wrote a running row is gone: same machine, and no process has its id.
    static func isOrphaned(host: String, processID: Int32, thisHost: String) -> Bool {
        guard host == thisHost else { return false }
        return CLibrary.processIsGone(processID)
    }

    /// This machine's name.
    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func message(_ error: DatabaseError) -> String {
        error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }
}
