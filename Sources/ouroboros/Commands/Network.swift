import ArgumentParser
import OuroborosCore
import OuroborosNetwork
import OuroborosReport
import OuroborosScenario

extension Ouroboros {
    /// `ouroboros network …`: the graph kernels on CSV files, one command per kernel.
    struct Network: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a network kernel (components, cycles, funds tracing, clearing, DebtRank, fire sales) on CSV files.",
            discussion: """
                Every input is a CSV file (RFC 4180) whose first line is exactly the header shown in each \
                command's help; every output is CSV with a header on standard output, numbers at full \
                precision, one row per entity in the order entities first appear in the input (the first \
                file named, top to bottom, then the next). Bad input is reported as FILE:LINE:COLUMN on \
                standard error with exit code 65 and nothing on standard output.
                """,
            subcommands: [
                NetworkSCC.self, NetworkCycles.self, NetworkTrace.self,
                NetworkClear.self, NetworkDebtRank.self, NetworkFireSale.self,
            ]
        )
    }
}

/// Shared plumbing of the `network` subcommands: reading the CSV inputs, collecting every problem, printing the CSV output.
struct NetworkInput {
    /// Every problem found so far, in all files.
    var diagnostics: [Diagnostic] = []

    /// Reads `path` expecting `columns`; an unreadable file throws at once, structural problems are collected.
    mutating func table(_ path: String, _ columns: [String], requireRows: Bool = true) throws -> CSVTable {
        let table = try CSVTable.load(path: path, columns: columns, requireRows: requireRows)
        diagnostics += table.problems
        return table
    }

    /// Adds a problem at `location`.
    mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(message, at: location))
    }

    /// Throws everything collected as one ``DiagnosticList`` (exit 65).
    func check() throws {
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

    /// The edges of a three-column file (`from`, `to`, non-negative `amount` columns named by the caller), interning labels in order of first appearance.
    mutating func edges(
        _ path: String, from: String, to: String, amount: String, labels: inout LabelIndex
    ) throws -> [Edge] {
        let table = try table(path, [from, to, amount])
        var edges: [Edge] = []
        for row in table.rows {
            let source = row.label(from, &diagnostics)
            let target = row.label(to, &diagnostics)
            let value = row.amount(amount, &diagnostics)
            guard let source, let target, let value else { continue }
            labels.intern(source)
            labels.intern(target)
            edges.append(
                Edge(
                    from: source, to: target, amount: value,
                    fromLocation: row.location(from), toLocation: row.location(to)))
        }
        return edges
    }

    /// Values keyed by entity from a two-or-more-column file: `key` must name a known entity (or is interned when `intern` is true), each at most once; `value` reads the row.
    ///
    /// `listed` holds every entity with a row, including rows whose value was reported as wrong.
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
}

/// CSV text written by the `network` commands: a header, then rows; fields quoted when needed.
struct CSVOutput {
    private(set) var text: String

    init(header: [String]) {
        text = header.map(NumberText.csvField).joined(separator: ",") + "\n"
    }

    mutating func row(_ fields: [String]) {
        text += fields.map(NumberText.csvField).joined(separator: ",") + "\n"
    }
}

extension NetworkInput {
    /// Runs `body`, mapping its failures to the house exit codes (validation errors stay usage errors).
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ExitStatus.report(error)
        }
    }

    /// A kernel's own rejection of input that passed the file checks, as bad data (exit 65).
    static func kernelError(_ what: String, _ error: any Error) -> DiagnosticList {
        DiagnosticList([Diagnostic("\(what): \(error)", at: nil)])
    }
}
