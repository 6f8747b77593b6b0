extension SFCMatrix {
    /// The matrix as a plain-text table in the layout SFC economists use.
    ///
    /// A title line (`Balance-sheet matrix: PC, period 60`), a header with the sector names, one
    /// line per row with the label left-aligned and the numbers right-aligned with their sign
    /// (`+12.31`, `-12.31`, `0.00` for a value that rounds to zero), a final `Σ` column of row
    /// sums and a final `Σ` row of column sums. Empty cells are blank; so is the sum of an empty
    /// line. Rules of `-` set off the header and the sums; trailing spaces are trimmed.
    public func rendered(decimals: Int = 2) -> String {
        let number = { (value: Double) in DecimalText.fixed(value, decimals: decimals, explicitPlus: true) }
        let sumText = { (value: Double) in DecimalText.fixed(value, decimals: decimals) }
        var body: [[String]] = rows.indices.map { i in
            let cellTexts = cells[i].map { $0.map(number) ?? "" }
            let rowTotal = cells[i].allSatisfy { $0 == nil } ? "" : sumText(rowSum(i))
            return [rows[i]] + cellTexts + [rowTotal]
        }
        let columnTotals = columns.indices.map { j in
            cells.allSatisfy { $0[j] == nil } ? "" : sumText(columnSum(j))
        }
        let everything = cells.allSatisfy { $0.allSatisfy { $0 == nil } }
        let grandTotal = everything ? "" : sumText(cells.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 ?? 0) } })
        body.append(["Σ"] + columnTotals + [grandTotal])
        let header = [""] + columns + ["Σ"]
        let widths = header.indices.map { column in
            ([header] + body).reduce(0) { max($0, $1[column].count) }
        }
        func format(_ line: [String]) -> String {
            let text = line.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
            return String(text.reversed().drop { $0 == " " }.reversed())
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        let kindName = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        var lines = [title.isEmpty ? kindName : "\(kindName): \(title)", format(header), rule]
        lines += body.dropLast().map(format)
        lines += [rule, format(body[body.count - 1])]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The matrix with every cell multiplied by `factor` (e.g. `1e-9` to show billions).
    public func scaled(by factor: Double) -> SFCMatrix {
        SFCMatrix(
            kind: kind, title: title, columns: columns, rows: rows,
            cells: cells.map { $0.map { $0.map { $0 * factor } } }, exemptRows: exemptRows)
    }
}
