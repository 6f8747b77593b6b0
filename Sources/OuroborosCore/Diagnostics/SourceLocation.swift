/// A place in an input file: the file's name as the user gave it, a 1-based line and a 1-based column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as named on the command line (or a built-in resource's name).
    public var file: String
    /// Line number, starting from 1.
    public var line: Int
    /// Column number in Unicode scalars, starting from 1.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same line, `offset` columns to the right.
    public func advanced(byColumns offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    /// `FILE:LINE:COLUMN`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
