/// One problem found in user input, with where it is and what was expected.
///
/// Printed as `FILE:LINE:COLUMN: error: MESSAGE`, the form editors jump to.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, when it has a place in a file.
    public var location: SourceLocation?
    /// What is wrong and what was expected instead.
    public var message: String

    /// Creates a diagnostic at `location`.
    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE` (or `error: MESSAGE` without a place).
    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

/// Every problem found in one input, in file order; thrown when input is rejected as bad data.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// The problems, sorted by place.
    public var diagnostics: [Diagnostic]

    /// Collects diagnostics, sorting them by file, line and column.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { a, b in
            switch (a.location, b.location) {
            case (let l?, let r?):
                return (l.file, l.line, l.column) < (r.file, r.line, r.column)
            case (nil, _?): return false
            case (_?, nil): return true
            case (nil, nil): return false
            }
        }
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
