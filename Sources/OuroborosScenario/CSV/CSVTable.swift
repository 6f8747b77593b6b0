import Foundation
public import OuroborosCore

/// A CSV file with a fixed header (RFC 4180: quoted fields, doubled quotes, CRLF or LF line ends), read into rows whose cells know their place in
/// the file.
///
/// Structural problems (a wrong header, a row with the wrong number of fields, a stray quote, an
/// empty file, no rows where rows are required) are collected in `problems`, each at
/// `FILE:LINE:COLUMN`; rows with the wrong field count are left out of `rows`. Typed cell access
/// (``Row/number(_:_:)`` and friends) appends to a caller's diagnostics, so every problem of every
/// input can be reported at once; ``read(path:columns:requireRows:)`` throws them as a ``DiagnosticList``.
///
/// ```swift
/// var problems: [Diagnostic] = []
/// let table = try CSVTable.load(path: "edges.csv", columns: ["from", "to", "amount"])
/// problems += table.problems
/// for row in table.rows { _ = row.amount("amount", &problems) }
/// ```
public struct CSVTable: Sendable {
    /// One data row: its fields in header order and where each starts.
    public struct Row: Sendable {
        /// The file as named by the caller.
        public let file: String
        /// The expected header, shared by every row of the table.
        public let columns: [String]
        /// The line the row starts on (1-based; the header is line 1).
        public let line: Int
        /// The fields, one per column.
        public let fields: [String]
        /// Where each field starts (its opening quote when quoted).
        public let locations: [SourceLocation]

        /// Position of `column` in the header; `column` must be one of the table's columns.
        private func index(_ column: String) -> Int {
            guard let index = columns.firstIndex(of: column) else {
                preconditionFailure("column '\(column)' is not in the header \(columns)")
            }
            return index
        }

        /// The raw text of `column`.
        public func text(_ column: String) -> String { fields[index(column)] }

        /// Where the field of `column` starts.
        public func location(_ column: String) -> SourceLocation { locations[index(column)] }

        /// The text of `column` as a name (an entity, asset…): must not be empty.
        public func label(_ column: String, _ diagnostics: inout [Diagnostic]) -> String? {
            let text = text(column)
            guard !text.isEmpty else {
                diagnostics.append(Diagnostic("column '\(column)': expected a name, found an empty field", at: location(column)))
                return nil
            }
            return text
        }

        /// `column` as a finite number (surrounding spaces allowed).
        public func number(_ column: String, _ diagnostics: inout [Diagnostic]) -> Double? {
            let raw = text(column)
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, let value = Double(trimmed) else {
                diagnostics.append(Diagnostic("column '\(column)': expected a number, found '\(raw)'", at: location(column)))
                return nil
            }
            guard value.isFinite else {
                diagnostics.append(Diagnostic("column '\(column)': expected a finite number, found '\(raw)'", at: location(column)))
                return nil
            }
            guard abs(value) <= MoneyAmount.largestInputMagnitude else {
                diagnostics.append(
                    Diagnostic(
                        "column '\(column)': expected at most 1e15 (a thousand trillion) in magnitude, found '\(raw)' "
                            + "(sums over millions of such values must stay finite)",
                        at: location(column)))
                return nil
            }
            return value
        }

        /// `column` as a finite amount ≥ 0.
        public func amount(_ column: String, _ diagnostics: inout [Diagnostic]) -> Double? {
            guard let value = number(column, &diagnostics) else { return nil }
            guard value >= 0 else {
                diagnostics.append(Diagnostic("column '\(column)': expected a non-negative amount, found '\(text(column))'", at: location(column)))
                return nil
            }
            return value
        }

        /// `column` as a finite number > 0.
        public func positive(_ column: String, _ diagnostics: inout [Diagnostic]) -> Double? {
            guard let value = number(column, &diagnostics) else { return nil }
            guard value > 0 else {
                diagnostics.append(Diagnostic("column '\(column)': expected a positive number, found '\(text(column))'", at: location(column)))
                return nil
            }
            return value
        }

        /// `column` as a share in [0, 1].
        public func share(_ column: String, _ diagnostics: inout [Diagnostic]) -> Double? {
            guard let value = number(column, &diagnostics) else { return nil }
            guard value >= 0, value <= 1 else {
                diagnostics.append(Diagnostic("column '\(column)': expected a share in [0,1], found '\(text(column))'", at: location(column)))
                return nil
            }
            return value
        }
    }

    /// The file as named by the caller.
    public let file: String
    /// The expected (and, when `problems` has no header error, actual) header.
    public let columns: [String]
    /// The data rows with the right number of fields, in file order.
    public let rows: [Row]
    /// Structural problems, in file order; empty for a well-formed file.
    public let problems: [Diagnostic]

    /// The header as written in messages: `from,to,amount`.
    public var headerText: String { columns.map(Self.quoted).joined(separator: ",") }

    /// Parses `text`, the contents of `file`, expecting exactly the header `columns`; `requireRows` makes a header-only file a problem.
    public init(parsing text: String, file: String, columns: [String], requireRows: Bool = true) {
        self.file = file
        self.columns = columns
        let header = columns.map(Self.quoted).joined(separator: ",")
        var problems: [Diagnostic] = []
        let records = Self.records(of: text, file: file, problems: &problems)
        var rows: [Row] = []
        if records.isEmpty {
            problems.append(Diagnostic("the file is empty; expected the header '\(header)'", at: SourceLocation(file: file, line: 1, column: 1)))
        } else if records[0].fields != columns {
            let found = records[0].fields.map(Self.quoted).joined(separator: ",")
            problems.append(Diagnostic("expected the header '\(header)', found '\(found)'", at: records[0].locations[0]))
        } else {
            for record in records.dropFirst() {
                guard record.fields.count == columns.count else {
                    problems.append(
                        Diagnostic(
                            "expected \(columns.count) fields (\(header)), found \(record.fields.count)",
                            at: SourceLocation(file: file, line: record.line, column: 1)))
                    continue
                }
                rows.append(Row(file: file, columns: columns, line: record.line, fields: record.fields, locations: record.locations))
            }
            if requireRows, records.count == 1 {
                problems.append(
                    Diagnostic(
                        "expected at least one row after the header '\(header)', found none",
                        at: SourceLocation(file: file, line: records[0].line + 1, column: 1)))
            }
        }
        self.rows = rows
        self.problems = problems
    }

    /// Reads the file at `path`; only an unreadable file throws (bad content is in `problems`, including text that is not UTF-8).
    /// The largest CSV file read, in bytes: 512 MiB unless `OUROBOROS_MAX_CSV_MIB` says otherwise.
    ///
    /// Reading a CSV file takes about 25 bytes of memory per byte of file at its peak (measured:
    /// `network scc` on 10 million edges, a 208 MB file, peaks at 5.1 GB), so 512 MiB of CSV is
    /// about 25 million edges and 13 GB, inside this machine's 24 GiB; a larger file is refused
    /// before it is read instead of the process being killed halfway.
    public static var maximumBytes: Int {
        if let text = ProcessInfo.processInfo.environment["OUROBOROS_MAX_CSV_MIB"], let mebibytes = Int(text), mebibytes > 0 {
            return mebibytes << 20
        }
        return 512 << 20
    }

    public static func load(path: String, columns: [String], requireRows: Bool = true) throws(ScenarioLoadError) -> CSVTable {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
            let megabytes = DecimalText.fixed(Double(size) / 1e6, decimals: 0)
            return CSVTable(
                file: path, columns: columns, rows: [],
                problems: [
                    Diagnostic(
                        "the file is \(megabytes) MB, over the \(maximumBytes >> 20) MiB that a CSV input may hold (reading it would take "
                            + "about 25 times its size in memory); split it, or raise the cap with OUROBOROS_MAX_CSV_MIB=N on a machine "
                            + "with the memory",
                        at: SourceLocation(file: path, line: 1, column: 1))
                ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw .unreadable(path: path, reason: isDirectory.boolValue ? "it is a directory" : "permission denied")
            }
            throw .unreadable(path: path, reason: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return CSVTable(
                file: path, columns: columns, rows: [],
                problems: [
                    Diagnostic("the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))
                ])
        }
        return CSVTable(parsing: text, file: path, columns: columns, requireRows: requireRows)
    }

    /// Reads the file at `path` and throws its structural problems at once: `ScenarioLoadError.unreadable` when it cannot be read, a
    /// ``DiagnosticList`` when it is malformed.
    public static func read(path: String, columns: [String], requireRows: Bool = true) throws -> CSVTable {
        let table = try load(path: path, columns: columns, requireRows: requireRows)
        if !table.problems.isEmpty { throw DiagnosticList(table.problems) }
        return table
    }

    private init(file: String, columns: [String], rows: [Row], problems: [Diagnostic]) {
        self.file = file
        self.columns = columns
        self.rows = rows
        self.problems = problems
    }

    /// A header name as written back: quoted when it holds a comma, quote or line break.
    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record of the file before the header check.
    private struct Record {
        var line: Int
        var fields: [String]
        var locations: [SourceLocation]
    }

    /// Splits `text` into records (RFC 4180); blank lines are skipped; a leading byte-order mark is ignored.
    private static func records(of text: String, file: String, problems: inout [Diagnostic]) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var records: [Record] = []
        var line = 1
        var column = 1
        var index = 0
        let count = scalars.count

        /// Consumes a line break at `index` (CRLF, LF or CR), if any.
        func takeLineBreak() -> Bool {
            guard index < count else { return false }
            if scalars[index] == "\r" {
                index += 1
                if index < count, scalars[index] == "\n" { index += 1 }
            } else if scalars[index] == "\n" {
                index += 1
            } else {
                return false
            }
            line += 1
            column = 1
            return true
        }

        while index < count {
            // A blank line is no record.
            if takeLineBreak() { continue }
            var record = Record(line: line, fields: [], locations: [])
            var atRecordEnd = false
            while !atRecordEnd {
                let start = SourceLocation(file: file, line: line, column: column)
                var field = String.UnicodeScalarView()
                if index < count, scalars[index] == "\"" {
                    index += 1
                    column += 1
                    var closed = false
                    while index < count {
                        let scalar = scalars[index]
                        if scalar == "\"" {
                            if index + 1 < count, scalars[index + 1] == "\"" {
                                field.append("\"")
                                index += 2
                                column += 2
                                continue
                            }
                            index += 1
                            column += 1
                            closed = true
                            break
                        }
                        if scalar == "\r" || scalar == "\n" {
                            field.append(scalar)
                            if scalar == "\r", index + 1 < count, scalars[index + 1] == "\n" {
                                field.append("\n")
                                index += 1
                            }
                            index += 1
                            line += 1
                            column = 1
                            continue
                        }
                        field.append(scalar)
                        index += 1
                        column += 1
                    }
                    if !closed {
                        problems.append(Diagnostic("unterminated quoted field: expected a closing '\"'", at: start))
                    } else if index < count, scalars[index] != ",", scalars[index] != "\r", scalars[index] != "\n" {
                        problems.append(
                            Diagnostic(
                                "expected ',' or the end of the line after a closing quote, found '\(scalars[index])'",
                                at: SourceLocation(file: file, line: line, column: column)))
                        // Take the rest of the field as text so the row keeps its shape.
                        while index < count, scalars[index] != ",", scalars[index] != "\r", scalars[index] != "\n" {
                            field.append(scalars[index])
                            index += 1
                            column += 1
                        }
                    }
                } else {
                    while index < count, scalars[index] != ",", scalars[index] != "\r", scalars[index] != "\n" {
                        if scalars[index] == "\"" {
                            problems.append(
                                Diagnostic(
                                    "unexpected '\"' in an unquoted field: expected a field quoted as a whole, with quotes doubled",
                                    at: SourceLocation(file: file, line: line, column: column)))
                        }
                        field.append(scalars[index])
                        index += 1
                        column += 1
                    }
                }
                record.fields.append(String(field))
                record.locations.append(start)
                if index < count, scalars[index] == "," {
                    index += 1
                    column += 1
                } else {
                    _ = takeLineBreak()
                    atRecordEnd = true
                }
            }
            records.append(record)
        }
        return records
    }
}
