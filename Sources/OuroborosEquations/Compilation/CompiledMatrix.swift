import OuroborosCore

/// A matrix whose cells are compiled expressions, evaluated each period and checked to close.
struct CompiledMatrix: Sendable {
    /// Balance sheet or transactions flow.
    var kind: SFCMatrix.Kind
    /// Sector names.
    var columns: [String]
    /// Row labels.
    var rows: [String]
    /// Rows exempt from the row-sum rule, by name.
    var exemptRows: Set<String>
    /// Whether each row is exempt, by position.
    var rowIsExempt: [Bool]
    /// Row-major cell code; `nil` for an empty cell.
    var cells: [CodeRange?]
    /// Every variable value the cells read, each once: the matrix's level is the largest of them.
    var reads: [MatrixRead]

    /// The matrix with every cell evaluated by `evaluate`.
    func evaluated(title: String, _ evaluate: (CodeRange) -> Double) -> SFCMatrix {
        let values = (0..<rows.count).map { row in
            (0..<columns.count).map { column in cells[row * columns.count + column].map(evaluate) }
        }
        return SFCMatrix(kind: kind, title: title, columns: columns, rows: rows, cells: values, exemptRows: exemptRows)
    }
}

/// A value a matrix reads: a slot, `lag` periods back.
struct MatrixRead: Sendable, Hashable {
    /// The slot.
    var slot: Int
    /// How many periods back.
    var lag: Int
}

extension SFCMatrix.Kind {
    /// The Core kind for a matrix kind of a model file.
    init(_ kind: MatrixSpec.Kind) {
        switch kind {
        case .balanceSheet: self = .balanceSheet
        case .transactionsFlow: self = .transactionsFlow
        }
    }
}
