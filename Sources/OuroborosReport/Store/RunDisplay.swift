public import OuroborosStore

/// `ouroboros show`: one recorded run — its metadata, summary and what data it stored as a
/// table or JSON, or the scenario text exactly as the run read it.
public struct RunDisplay: Sendable {
    /// What to print.
    public enum Content: Sendable {
        /// The metadata, summary and stored data, for people.
        case table
        /// Everything recorded except the series and journal, as one JSON object.
        case json
        /// The scenario text, byte for byte.
        case scenario
    }

    /// The run.
    public var id: RunID
    /// What to print.
    public var content: Content

    /// A display of run `id`.
    public init(id: RunID, content: Content) {
        self.id = id
        self.content = content
    }

    /// The run's text from the store at `path` (an unknown run when there is no store).
    public func text(path: String?, environment: [String: String]) throws(StoreError) -> String {
        let store = try RunStore.existing(path: path, environment: environment, holding: id)
        switch content {
        case .scenario: return try store.scenarioText(of: id)
        case .json: return try store.exportJSON(of: id, data: false)
        case .table: return try Self.table(store.run(id), store: store)
        }
    }

    /// `run ID · KIND · SCENARIO` and one aligned line per fact.
    static func table(_ record: RunRecord, store: RunStore) throws(StoreError) -> String {
        var lines: [(String, String)] = [
            (
                "status",
                record.reportedStatus.rawValue + (record.isOrphaned ? " (recorded as running; its process \(record.processID) is gone)" : "")
            ),
            ("scenario", record.scenarioName),
            ("sha256", record.scenarioHash + "  (`ouroboros show \(record.id) --scenario` prints the text)"),
            ("command", record.commandText),
            ("seed", record.seed.map(String.init) ?? "–"),
            ("version", record.toolVersion),
            ("host", "\(record.host), process \(record.processID)"),
            ("started", record.startedAt),
            ("finished", record.finishedAt ?? "–"),
        ]
        if let summary = record.summary {
            lines.append(("summary", summary.headline))
            if let holds = summary.holds { lines.append(("holds", holds ? "yes" : "no")) }
            if let period = summary.breakPeriod { lines.append(("breaks in", period)) }
            if let failure = summary.firstFailure { lines.append(("first failure", failure)) }
        }
        if let error = record.error { lines.append(("error", error)) }
        if let planned = record.plannedRuns {
            lines.append(("experiment", "\(record.completedRuns ?? 0) of \(planned) runs journalled"))
        }
        if record.seriesCount > 0, let series = try store.series(of: record.id) {
            lines.append(
                (
                    "series",
                    "\(series.columns.count) series × \(series.periodLabels.count) periods "
                        + "(\(series.periodLabels.first ?? "") to \(series.periodLabels.last ?? "")); `ouroboros export \(record.id) --format csv`"
                ))
        }
        let width = lines.map(\.0.count).max() ?? 0
        var out = "run \(record.id) · \(record.kind) · \(record.scenarioName)\n"
        for (label, value) in lines {
            out += "  " + label + String(repeating: " ", count: width - label.count) + "  " + value + "\n"
        }
        return out
    }
}
