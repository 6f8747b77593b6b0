extension Ledger {
    /// The label of the balance-sheet row that makes every column close.
    public static let netWorthRow = "Net worth"

    /// The label of the transactions-flow row for changes in `instrument`: `Δ Deposits`.
    public static func changeRow(_ instrument: Instrument) -> String { "Δ \(instrument.name)" }

    /// The column headings under `grouping`: sector display names or entity names.
    public func columnLabels(_ grouping: MatrixColumnGrouping) -> [String] {
        columnMap(grouping).labels
    }

    /// Column headings and, for each entity, the column it is summed into.
    func columnMap(_ grouping: MatrixColumnGrouping) -> (labels: [String], columnOfEntity: [Int]) {
        switch grouping {
        case .byEntity:
            return (entities.map(\.name), Array(entities.indices))
        case .bySector:
            var sectors: [Sector] = []
            var columnOfSector: [Sector: Int] = [:]
            let columnOfEntity = entities.map { entity in
                if let column = columnOfSector[entity.sector] { return column }
                sectors.append(entity.sector)
                columnOfSector[entity.sector] = sectors.count - 1
                return sectors.count - 1
            }
            return (sectors.map(\.displayName), columnOfEntity)
        }
    }

    /// The balance-sheet matrix at the end of `period` (the latest when `nil`): instruments as rows,
    /// then `Net worth` (minus each column's holdings, so that every column sums to zero).
    ///
    /// Assets are `+`, liabilities `-`; a zero cell is empty. Real-asset rows and `Net worth` are
    /// exempt from the zero row-sum rule.
    public func balanceSheet(period: Int? = nil, columns: MatrixColumnGrouping = .bySector) throws(LedgerError) -> SFCMatrix {
        let period = period ?? latestPeriod
        guard let record = record(period: period) else { throw .periodNotRecorded(period) }
        let (labels, columnOfEntity) = columnMap(columns)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: labels.count), count: instruments.count + 1)
        let closing = record.closing
        for instrument in instruments.indices {
            let base = instrument * entities.count
            for entity in entities.indices {
                sums[instrument][columnOfEntity[entity]] += closing[base + entity]
            }
        }
        for column in labels.indices {
            sums[instruments.count][column] = -(0..<instruments.count).reduce(0) { $0 + sums[$1][column] }
        }
        let rows = instruments.map(\.name) + [Self.netWorthRow]
        let exempt = Set(instruments.filter { !$0.isFinancial }.map(\.name) + [Self.netWorthRow])
        return SFCMatrix(
            kind: .balanceSheet, title: "\(name), period \(period)", columns: labels, rows: rows,
            cells: sums.map { $0.map { $0 == 0 ? nil : $0 } }, exemptRows: exempt)
    }

    /// The transactions-flow matrix of `period` (the latest when `nil`): one row per transaction row
    /// posted in the period (or declared), `-` for the payer and `+` for the payee, then one `Δ`
    /// row per financial instrument with minus the change in holdings from transactions (acquiring
    /// an asset is a use of funds, `-`; issuing a liability a source, `+`).
    ///
    /// Revaluations and real capital do not appear: they are not flows of funds. A zero cell is empty.
    public func transactionsFlow(period: Int? = nil, columns: MatrixColumnGrouping = .bySector) throws(LedgerError) -> SFCMatrix {
        let period = period ?? latestPeriod
        guard let record = record(period: period) else { throw .periodNotRecorded(period) }
        let journal = record.store.journal
        let (labels, columnOfEntity) = columnMap(columns)
        var usedRows = declaredRows
        for leg in journal.legs where leg.row >= 0 { usedRows.insert(leg.row) }
        let transactionCodes = usedRows.sorted()
        var position = [Int](repeating: -1, count: rowNames.count)
        for (index, code) in transactionCodes.enumerated() { position[code] = index }
        let financial = instruments.filter(\.isFinancial)
        var deltaPosition = [Int](repeating: -1, count: instruments.count)
        for (index, instrument) in financial.enumerated() {
            deltaPosition[instrument.id.index] = transactionCodes.count + index
        }
        var sums = [[Double]](
            repeating: [Double](repeating: 0, count: labels.count),
            count: transactionCodes.count + financial.count)
        for leg in 0..<journal.legCount {
            let code = journal.legs[leg].row
            let delta = deltaPosition[journal.legs[leg].instrumentIndex]
            guard code != Journal.revaluationRow, delta >= 0 else { continue }
            let column = columnOfEntity[journal.legs[leg].entityIndex]
            let amount = journal.legs[leg].amount
            if code >= 0 { sums[position[code]][column] += amount }
            sums[delta][column] -= amount
        }
        let rows = transactionCodes.map { rowNames[$0] } + financial.map(Self.changeRow)
        return SFCMatrix(
            kind: .transactionsFlow, title: "\(name), period \(period)", columns: labels, rows: rows,
            cells: sums.map { $0.map { $0 == 0 ? nil : $0 } })
    }
}
