/// A balance-sheet or transactions-flow matrix in the layout SFC economists use: sectors as
/// columns, instruments or transactions as rows, every financial row and every column summing to zero.
///
/// Cells hold signed amounts: in a balance sheet assets are `+` and liabilities `-`; in a
/// transactions-flow matrix sources of funds are `+` and uses `-` (Godley–Lavoie's convention).
public struct SFCMatrix: Sendable, Hashable {
    /// Which identity the matrix carries.
    public enum Kind: String, Sendable, Hashable {
        /// Stocks at the end of a period.
        case balanceSheet = "balance-sheet matrix"
        /// Flows during a period.
        case transactionsFlow = "transactions-flow matrix"
    }

    /// Balance sheet or transactions flow.
    public var kind: Kind
    /// A title for printing, e.g. `PC, period 60`.
    public var title: String
    /// Sector names, left to right.
    public var columns: [String]
    /// Row labels, top to bottom.
    public var rows: [String]
    /// `cells[row][column]`; `nil` is an empty cell.
    public var cells: [[Double?]]
    /// Rows exempt from the zero row-sum rule (tangible capital, net worth).
    public var exemptRows: Set<String>

    /// Creates a matrix; `cells` must have `rows.count` rows of `columns.count` cells.
    public init(kind: Kind, title: String, columns: [String], rows: [String], cells: [[Double?]], exemptRows: Set<String> = []) {
        precondition(
            cells.count == rows.count && cells.allSatisfy { $0.count == columns.count },
            "SFCMatrix: cells must be rows × columns")
        self.kind = kind
        self.title = title
        self.columns = columns
        self.rows = rows
        self.cells = cells
        self.exemptRows = exemptRows
    }

    /// The sum of row `row` across sectors.
    public func rowSum(_ row: Int) -> Double {
        cells[row].reduce(0) { $0 + ($1 ?? 0) }
    }

    /// The sum of column `column` down all rows.
    public func columnSum(_ column: Int) -> Double {
        cells.reduce(0) { $0 + ($1[column] ?? 0) }
    }

    /// The first row or column that does not sum to zero, or that holds NaN or infinity.
    ///
    /// A line passes when `|sum| <= relativeTolerance * max(Σ|cell|, absoluteFloor)`: relative to the
    /// size of what is being added, with a floor so that rows of rounding noise around zero pass.
    public func firstImbalance(relativeTolerance: Double = 1e-9, absoluteFloor: Double = 1e-9) -> SFCMatrixImbalance? {
        for (i, row) in rows.enumerated() {
            for (j, cell) in cells[i].enumerated() where cell.map({ !$0.isFinite }) ?? false {
                return SFCMatrixImbalance(kind: kind, sector: columns[j], row: row, sum: cell!, scale: .nan)
            }
            if exemptRows.contains(row) { continue }
            let sum = rowSum(i)
            let scale = cells[i].reduce(0) { $0 + abs($1 ?? 0) }
            if abs(sum) > relativeTolerance * max(scale, absoluteFloor) {
                let sector = cells[i].indices.first { cells[i][$0] != nil }.map { columns[$0] } ?? ""
                return SFCMatrixImbalance(kind: kind, sector: sector, row: row, sum: sum, scale: scale)
            }
        }
        for (j, column) in columns.enumerated() {
            let sum = columnSum(j)
            let scale = cells.reduce(0) { $0 + abs($1[j] ?? 0) }
            if abs(sum) > relativeTolerance * max(scale, absoluteFloor) {
                return SFCMatrixImbalance(kind: kind, sector: column, row: "column total", sum: sum, scale: scale)
            }
        }
        return nil
    }
}

/// Where an SFC matrix fails to close: the sector, the row, and by how much.
public struct SFCMatrixImbalance: Sendable, Hashable, CustomStringConvertible {
    /// Which matrix.
    public var kind: SFCMatrix.Kind
    /// The sector (column) named by the failure; for a row failure, the row's first non-empty sector.
    public var sector: String
    /// The row, or `column total` when a column fails.
    public var row: String
    /// The non-zero sum (or the non-finite cell).
    public var sum: Double
    /// The sum of absolute values of the line's cells.
    public var scale: Double

    /// Creates an imbalance record.
    public init(kind: SFCMatrix.Kind, sector: String, row: String, sum: Double, scale: Double) {
        self.kind = kind
        self.sector = sector
        self.row = row
        self.sum = sum
        self.scale = scale
    }

    /// A sentence naming the matrix, sector, row and the amount.
    public var description: String {
        if !sum.isFinite {
            return "\(kind.rawValue): sector \(sector), row \(row): value is \(sum)"
        }
        if row == "column total" {
            return "\(kind.rawValue): sector \(sector) column sums to \(sum), expected 0"
        }
        return "\(kind.rawValue): row \(row) (first sector \(sector)) sums to \(sum), expected 0"
    }
}

/// A broken accounting identity found during a run: the period, the sector and the row.
public struct SFCIdentityViolation: Error, Sendable, CustomStringConvertible {
    /// The period in which the identity broke.
    public var period: Int
    /// The model or scenario being run.
    public var model: String
    /// What broke.
    public var imbalance: SFCMatrixImbalance

    /// Creates a violation record.
    public init(period: Int, model: String, imbalance: SFCMatrixImbalance) {
        self.period = period
        self.model = model
        self.imbalance = imbalance
    }

    /// `MODEL, period N: <imbalance>`.
    public var description: String { "\(model), period \(period): accounting identity broken: \(imbalance)" }
}
