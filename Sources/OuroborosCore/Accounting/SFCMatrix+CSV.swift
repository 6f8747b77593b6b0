extension SFCMatrix {
    /// The matrix as CSV: a header `row,SECTOR1,...,sum`, one line per row ending with its sum,
    /// and a final `sum` line of column sums.
    ///
    /// Numbers are written at full precision (the shortest text that reads back as the same double);
    /// empty cells, and sums of empty lines, are empty fields. Fields with commas, quotes or line
    /// breaks are quoted.
    public func csv() -> String {
        let number = { (value: Double) in DecimalText.roundTrip(value) }
        var lines = [(["row"] + columns + ["sum"]).map(Self.csvField).joined(separator: ",")]
        for (i, row) in rows.enumerated() {
            let rowTotal = cells[i].allSatisfy { $0 == nil } ? "" : number(rowSum(i))
            let fields = [Self.csvField(row)] + cells[i].map { $0.map(number) ?? "" } + [rowTotal]
            lines.append(fields.joined(separator: ","))
        }
        let columnTotals = columns.indices.map { j in cells.allSatisfy { $0[j] == nil } ? "" : number(columnSum(j)) }
        let everything = cells.allSatisfy { $0.allSatisfy { $0 == nil } }
        let grandTotal = everything ? "" : number(cells.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 ?? 0) } })
        lines.append((["sum"] + columnTotals + [grandTotal]).joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `field`, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
