import Foundation
import GRDB
import OuroborosCore

/// A run taken out of the store: its CSV exactly as the run printed it, one JSON document,
/// or a standalone database holding that run only.
extension RunStore {
    /// The run's series as the CSV `ouroboros run --format csv` printed, byte for byte.
    public func exportCSV(of id: RunID) throws(StoreError) -> String {
        guard let series = try series(of: id) else {
            let record = try run(id)
            throw .noSeries(
                id, path: path,
                reason: record.status == .failed
                    ? "it failed before producing results"
                    : "a \(record.kind) run stores no series; export it with --format json or sqlite")
        }
        return series.csv()
    }

    /// One JSON object describing the run: metadata, summary, scenario hash and text and, with
    /// `data`, the series and the experiment journal (payloads that are JSON are embedded as they
    /// are, others as base64); without it, only their sizes.
    public func exportJSON(of id: RunID, data: Bool = true) throws(StoreError) -> String {
        let record = try run(id)
        func string(_ text: String?) -> String { text.map(NumberText.jsonString) ?? "null" }
        var out = "{\n"
        out += "  \"id\": \(record.id),\n"
        out += "  \"kind\": \(string(record.kind.rawValue)),\n"
        out += "  \"scenario\": \(string(record.scenarioName)),\n"
        out += "  \"scenario_sha256\": \(string(record.scenarioHash)),\n"
        out += "  \"command_line\": [" + record.commandLine.map(NumberText.jsonString).joined(separator: ", ") + "],\n"
        out += "  \"seed\": \(record.seed.map(String.init) ?? "null"),\n"
        out += "  \"version\": \(string(record.toolVersion)),\n"
        out += "  \"host\": \(string(record.host)),\n"
        out += "  \"process_id\": \(record.processID),\n"
        out += "  \"started_at\": \(string(record.startedAt)),\n"
        out += "  \"finished_at\": \(string(record.finishedAt)),\n"
        out += "  \"status\": \(string(record.reportedStatus.rawValue)),\n"
        out += "  \"holds\": \(record.summary?.holds.map(String.init) ?? "null"),\n"
        out += "  \"break_period\": \(string(record.summary?.breakPeriod)),\n"
        out += "  \"first_failure\": \(string(record.summary?.firstFailure)),\n"
        out += "  \"headline\": \(string(record.summary?.headline)),\n"
        out += "  \"summary\": \(record.summary.map { Self.trimmed($0.json) } ?? "null"),\n"
        out += "  \"error\": \(string(record.error)),\n"
        if let planned = record.plannedRuns {
            let definition = try experimentDefinition(of: id)
            out += "  \"planned_runs\": \(planned),\n"
            out += "  \"completed_runs\": \(record.completedRuns ?? 0),\n"
            out += "  \"definition\": \(Self.trimmed(definition.definitionJSON)),\n"
        }
        let series = try series(of: id)
        out += "  \"scenario_text\": \(string(try scenarioText(of: id))),\n"
        if data {
            out += "  \"periods\": [" + (series?.periodLabels ?? []).map(NumberText.jsonString).joined(separator: ", ") + "],\n"
            out +=
                "  \"series\": ["
                + (series?.columns ?? []).map { column in
                    "\n    {\"entity\": \(string(column.entity)), \"variable\": \(string(column.variable)), \"values\": ["
                        + column.values.map(NumberText.full).joined(separator: ", ") + "]}"
                }.joined(separator: ",") + (series?.columns.isEmpty == false ? "\n  " : "") + "]"
            if record.isExperiment {
                out +=
                    ",\n  \"runs\": ["
                    + (try completedRuns(of: id)).map { run in
                        "\n    {\"index\": \(run.index), " + Self.payloadField(run.payload) + "}"
                    }.joined(separator: ",") + (record.completedRuns ?? 0 > 0 ? "\n  " : "") + "]"
            }
            out += "\n"
        } else {
            out += "  \"periods\": \(series?.periodLabels.count ?? 0),\n"
            out += "  \"series\": \(record.seriesCount)\n"
        }
        out += "}\n"
        return out
    }

    /// Writes a standalone store holding this run only (its scenario, series and journal, same
    /// id) to `destination`, atomically: a temporary database in the same folder, renamed over
    /// the destination once complete.
    public func exportDatabase(of id: RunID, to destination: String) throws(StoreError) {
        _ = try run(id)
        if CLibrary.sameFile(destination, path) {
            throw .unusablePath(path: destination, reason: "it is the store being exported from")
        }
        try Self.checkLocation(destination, createFolder: false)
        let temporary = AtomicFile.temporaryPath(for: destination)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try StoreSchema.migrator.migrate(copy)
            try copy.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [path])
                try db.inTransaction {
                    for table in ["scenario", "run", "series", "experiment_run"] {
                        let columns = try db.columns(in: table, in: "main").map { "\"\($0.name)\"" }.joined(separator: ", ")
                        let filter =
                            switch table {
                            case "scenario": "hash = (SELECT scenario_hash FROM source.run WHERE id = ?)"
                            case "run": "id = ?"
                            default: "run_id = ?"
                            }
                        try db.execute(
                            sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM source.\(table) WHERE \(filter)",
                            arguments: [id.rawValue])
                    }
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE source")
            }
            try copy.close()
        } catch {
            Self.removeDatabaseFiles(temporary)
            throw .databaseFailure(path: destination, action: "write the export of run \(id)", reason: "\(error)")
        }
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            Self.removeDatabaseFiles(temporary)
            throw .unusablePath(path: destination, reason: "cannot write: \(reason)")
        }
    }

    private static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// A JSON document without its trailing whitespace, to embed in another.
    private static func trimmed(_ json: String) -> String {
        String(json.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// `"payload": {...}` when the payload is JSON text, else `"payload_base64": "..."`.
    private static func payloadField(_ payload: Data) -> String {
        if let text = String(data: payload, encoding: .utf8),
            (try? JSONSerialization.jsonObject(with: payload, options: [.fragmentsAllowed])) != nil
        {
            return "\"payload\": " + trimmed(text)
        }
        return "\"payload_base64\": \"" + payload.base64EncodedString() + "\""
    }
}
