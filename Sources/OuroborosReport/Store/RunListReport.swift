import OuroborosCore
public import OuroborosStore

/// `ouroboros runs`: the runs of a store, newest first, as a table, CSV or JSON.
public struct RunListReport: Sendable {
    /// The runs to list.
    public var records: [RunRecord]
    /// The store's path (named in the table when it is empty, and in the JSON).
    public var storePath: String

    /// A list of `records` read from the store at `storePath`.
    public init(records: [RunRecord], storePath: String) {
        self.records = records
        self.storePath = storePath
    }

    /// At most `limit` runs of the store at `path` (`--store`, else the environment's; none when
    /// no store exists there yet: listing never creates one).
    public init(path: String?, environment: [String: String], limit: Int?) throws(StoreError) {
        let records = try RunStore.existing(path: path, environment: environment)?.runs(limit: limit) ?? []
        self.init(records: records, storePath: RunStore.path(path, environment: environment))
    }

    /// The list in `format`.
    public func rendered(_ format: TextFormat) -> String {
        format.render(table: table, csv: csv, json: json)
    }

    /// `id  kind  scenario  started (UTC)  status  summary`, or that no run is recorded.
    public func table() -> String {
        guard !records.isEmpty else { return "No runs recorded in \(storePath).\n" }
        var table = TextTable(header: ["id", "kind", "scenario", "started (UTC)", "status", "summary"], textColumns: [1, 2, 3, 4, 5])
        for record in records {
            table.rows.append([
                record.id.description, record.kind.rawValue, record.scenarioName, record.startedShort,
                record.reportedStatus.rawValue, record.summaryText,
            ])
        }
        return table.rendered()
    }

    /// One row per run with its metadata and summary columns.
    public func csv() -> String {
        let header = [
            "id", "kind", "scenario", "started_at", "finished_at", "status", "holds", "break_period", "first_failure", "summary", "seed",
            "scenario_sha256",
        ]
        return CSVText.document(
            header: header,
            rows: records.map { r in
                [
                    r.id.description, r.kind.rawValue, r.scenarioName, r.startedAt, r.finishedAt ?? "",
                    r.reportedStatus.rawValue, r.summary?.holds.map(String.init) ?? "", r.summary?.breakPeriod ?? "",
                    r.summary?.firstFailure ?? "", r.summaryText, r.seed.map(String.init) ?? "", r.scenarioHash,
                ]
            })
    }

    /// `{"store": PATH, "runs": [{…}, …]}`, one run a line.
    public func json() -> String {
        func string(_ text: String?) -> String { text.map(NumberText.jsonString) ?? "null" }
        let items = records.map { r in
            "    {\"id\": \(r.id), \"kind\": \(string(r.kind.rawValue)), \"scenario\": \(string(r.scenarioName)), "
                + "\"started_at\": \(string(r.startedAt)), \"finished_at\": \(string(r.finishedAt)), "
                + "\"status\": \(string(r.reportedStatus.rawValue)), \"holds\": \(r.summary?.holds.map(String.init) ?? "null"), "
                + "\"break_period\": \(string(r.summary?.breakPeriod)), \"first_failure\": \(string(r.summary?.firstFailure)), "
                + "\"summary\": \(string(r.summaryText)), \"seed\": \(r.seed.map(String.init) ?? "null"), "
                + "\"scenario_sha256\": \(string(r.scenarioHash)), \"planned_runs\": \(r.plannedRuns.map(String.init) ?? "null"), "
                + "\"completed_runs\": \(r.completedRuns.map(String.init) ?? "null")}"
        }
        return "{\n  \"store\": \(string(storePath)),\n  \"runs\": [" + (items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ")
            + "]\n}\n"
    }
}
