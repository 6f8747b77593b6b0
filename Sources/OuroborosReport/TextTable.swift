/// A plain-text table with a header row, a left-aligned label column and right-aligned values.
public struct TextTable: Sendable {
    /// Column headings, the first for the label column.
    public var header: [String]
    /// Rows of cells, the first cell of each being its label.
    public var rows: [[String]]
    /// Columns of text, aligned left like the label column (numbers are aligned right).
    public var textColumns: Set<Int>

    /// Creates a table; column 0 and `textColumns` are aligned left, the others right.
    public init(header: [String], rows: [[String]] = [], textColumns: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.textColumns = textColumns
    }

    /// The table as lines of text, columns separated by two spaces, with a rule under the header.
    public func rendered() -> String {
        let columnCount = ([header] + rows).map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columnCount)
        for row in [header] + rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for i in 0..<columnCount {
                let cell = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(i == 0 || textColumns.contains(i) ? cell + pad : pad + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(header)]
        lines.append(String(repeating: "─", count: widths.reduce(0, +) + 2 * max(columnCount - 1, 0)))
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
