import OuroborosCore
import OuroborosNetwork

/// Reading the CSV inputs of one network kernel: every table read, every problem in all of them
/// collected (an unreadable file stops at once), thrown together by `check()` as one
/// `DiagnosticList`, so that a person sees every mistake of every file in one go.
struct KernelTables {
    /// Every problem found so far, in all files.
    var diagnostics: [Diagnostic] = []

    /// Reads `path` expecting `columns`; an unreadable file throws at once, structural problems are collected.
    mutating func table(_ path: String, _ columns: [String], requireRows: Bool = true) throws(ScenarioLoadError) -> CSVTable {
        let table = try CSVTable.load(path: path, columns: columns, requireRows: requireRows)
        diagnostics += table.problems
        return table
    }

    /// Adds a problem at `location`.
    mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(message, at: location))
    }

    /// Throws everything collected as one `DiagnosticList` (exit 65).
    func check() throws(DiagnosticList) {
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
    }

    /// A directed edge read from a `FROM,TO,AMOUNT` file, with where it was written.
    struct Edge {
        var from: String
        var to: String
        var amount: Double
        var fromLocation: SourceLocation
        var toLocation: SourceLocation
    }

    /// The edges of a three-column file (`from`, `to`, non-negative `amount` columns named by the caller), interning labels in order of first
    /// appearance.
    mutating func edges(_ path: String, from: String, to: String, amount: String, labels: inout LabelIndex) throws(ScenarioLoadError) -> [Edge] {
        let table = try table(path, [from, to, amount])
        var edges: [Edge] = []
        for row in table.rows {
            let source = row.label(from, &diagnostics)
            let target = row.label(to, &diagnostics)
            let value = row.amount(amount, &diagnostics)
            guard let source, let target, let value else { continue }
            labels.intern(source)
            labels.intern(target)
            edges.append(Edge(from: source, to: target, amount: value, fromLocation: row.location(from), toLocation: row.location(to)))
        }
        return edges
    }

    /// Values keyed by label from a two-or-more-column file: `key` must name a known label (or is
    /// interned when `intern` is true), each at most once; `value` reads the row.
    ///
    /// `listed` holds every label with a row, including rows whose value was reported as wrong.
    mutating func values(
        of table: CSVTable, key: String, labels: inout LabelIndex, intern: Bool, knownIn: String,
        value: (CSVTable.Row, inout [Diagnostic]) -> Double?
    ) -> (values: [Int: Double], listed: Set<Int>) {
        var values: [Int: Double] = [:]
        var firstLine: [Int: Int] = [:]
        for row in table.rows {
            let name = row.label(key, &diagnostics)
            let read = value(row, &diagnostics)
            guard let name else { continue }
            let id: Int
            if let known = labels.id(of: name) {
                id = known
            } else if intern {
                id = labels.intern(name)
            } else {
                error("\(key) '\(name)' does not appear in \(knownIn)", at: row.location(key))
                continue
            }
            if let line = firstLine[id] {
                error("\(key) '\(name)' is listed twice: expected one row per \(key) (first on line \(line))", at: row.location(key))
                continue
            }
            firstLine[id] = row.line
            if let read { values[id] = read }
        }
        return (values, Set(firstLine.keys))
    }

    /// One value per entity from an `entity,COLUMN` file in which every entity named in `edges`
    /// (the first `linked` labels) must have a row; a missing row is reported where the entity first
    /// appears in `edgeFile`. New entities in the file are interned after the linked ones.
    mutating func valuePerEntity(
        _ path: String, column: String, edges: [Edge], edgeFile: String, linked: Int, labels: inout LabelIndex,
        value: (CSVTable.Row, inout [Diagnostic]) -> Double?
    ) throws(ScenarioLoadError) -> [Int: Double] {
        let table = try table(path, ["entity", column])
        let (values, listed) = values(of: table, key: "entity", labels: &labels, intern: true, knownIn: edgeFile, value: value)
        guard table.problems.isEmpty else { return values }
        var reported = Set<Int>()
        for edge in edges {
            for (name, location) in [(edge.from, edge.fromLocation), (edge.to, edge.toLocation)] {
                guard let id = labels.id(of: name), id < linked, !listed.contains(id), !reported.contains(id) else { continue }
                reported.insert(id)
                error("entity '\(name)' has no row in \(path)", at: location)
            }
        }
        return values
    }

    /// The edges of `edgeFile` (`from`, `to`, `amount` columns) and one value per entity of
    /// `valueFile` (`entity,column`, every entity of the edges needs a row; see `valuePerEntity`).
    mutating func edgesWithValues(
        _ edgeFile: String, from: String, to: String, _ valueFile: String, column: String, labels: inout LabelIndex,
        value: (CSVTable.Row, inout [Diagnostic]) -> Double?
    ) throws(ScenarioLoadError) -> (edges: [Edge], values: [Int: Double]) {
        let edges = try edges(edgeFile, from: from, to: to, amount: "amount", labels: &labels)
        let values = try valuePerEntity(
            valueFile, column: column, edges: edges, edgeFile: edgeFile, linked: labels.count, labels: &labels, value: value)
        return (edges, values)
    }

    /// Reports `KIND 'NAME' has no row in FILE` for each of the first `count` labels that
    /// `listed` does not hold, where it was first seen.
    mutating func requireRows(
        _ kind: String, labels: LabelIndex, count: Int, listed: (Int) -> Bool, in file: String, firstSeen: [Int: SourceLocation]
    ) {
        for id in 0..<count where !listed(id) {
            error("\(kind) '\(labels[id])' has no row in \(file)", at: firstSeen[id])
        }
    }

    /// The graph of `edges` over `labels` (nodes in order of first appearance).
    static func graph(_ edges: [Edge], labels: inout LabelIndex) throws(CSRGraphError) -> CSRGraph {
        try CSRGraph(labelledEdges: edges.map { ($0.from, $0.to, $0.amount) }, labels: &labels)
    }
}
