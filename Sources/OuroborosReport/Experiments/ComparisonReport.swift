import OuroborosCore
public import OuroborosExperiments

/// The table, CSV and JSON of a comparison: one column per case.
public struct ComparisonReport: Sendable {
    /// One column per case, in order.
    public let columns: [ScenarioComparison.Column]

    /// A report of `columns`.
    public init(columns: [ScenarioComparison.Column]) { self.columns = columns }

    /// The JSON document.
    struct Document: Encodable {
        var command = "compare"
        var columns: [ScenarioComparison.Column]
    }

    /// `{"command": "compare", "columns": […]}`.
    public func json() -> String { ExperimentText.json(Document(columns: columns)) }

    /// Rows of (figure, value per column) as printed in the table, with full-precision numbers when `full`.
    func rows(full: Bool) -> [[String]] {
        var rows: [[String]] = [
            ["scenario"] + columns.map(\.scenario),
            ["shocks"] + columns.map { $0.shocks.isEmpty ? "none" : $0.shocks.joined(separator: " ") },
            ["loop"] + columns.map { $0.error != nil ? "error" : ($0.broke ? "breaks" : "holds") },
            ["breaks in"] + columns.map { $0.breakLabel ?? "–" },
            ["first failure"] + columns.map { $0.firstFailure ?? "–" },
            ["failures that follow"] + columns.map { "\($0.chainLength)" },
            ["defaults"] + columns.map { $0.defaults.isEmpty ? "none" : $0.defaults.joined(separator: " ") },
        ]
        let names = columns.first?.keySeries ?? []
        for name in names {
            rows.append(
                ["\(name) at the end"]
                    + columns.map { column in
                        guard let value = column.endValues[name] else { return "–" }
                        return full ? NumberText.full(value) : ExperimentText.series(name, value)
                    })
        }
        if columns.contains(where: { $0.error != nil }) { rows.append(["error"] + columns.map { $0.error ?? "" }) }
        return rows
    }

    /// `figure,CASE1,CASE2,…` at full precision.
    public func csv() -> String {
        CSVText.document(header: ["figure"] + columns.map(\.label), rows: rows(full: true))
    }

    /// The cases side by side, then each case's weakest link.
    public func table() -> String {
        var out = "Comparison of \(columns.count) case\(columns.count == 1 ? "" : "s") (one run each, at each scenario's seed unless --seed):\n\n"
        out += TextTable(
            header: [""] + columns.map(\.label), rows: rows(full: false),
            textColumns: Set(1...max(1, columns.count))
        ).rendered()
        out += "\nWeakest links:\n"
        for column in columns { out += "  \(column.label): \(column.weakestLink)\n" }
        return out
    }
}
