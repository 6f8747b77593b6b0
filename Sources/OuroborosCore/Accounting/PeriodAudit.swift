/// One run of `ConservationCheck` over one period: sums every line, records violations.
final class PeriodAudit {
    let ledger: Ledger
    let record: LedgerPeriod
    let check: ConservationCheck
    let stopAtFirst: Bool
    private(set) var violations: [SFCIdentityViolation] = []
    private(set) var maxRelative = 0.0
    private(set) var lines = 0

    private var journal: Journal { record.store.journal }
    private var entityCount: Int { ledger.entityCount }

    init(ledger: Ledger, record: LedgerPeriod, check: ConservationCheck, stopAtFirst: Bool) {
        self.ledger = ledger
        self.record = record
        self.check = check
        self.stopAtFirst = stopAtFirst
    }

    private var done: Bool { stopAtFirst && !violations.isEmpty }

    func run() {
        checkFinite()
        if !done { checkBalanceSheetRows() }
        if !done { checkFlowRows() }
        if !done { checkFlowColumns() }
        if !done { checkStockFlow() }
    }

    // MARK: - Lines

    /// Records one line; returns whether it passed.
    @discardableResult
    private func line(_ kind: SFCMatrix.Kind, sum: Double, scale: Double, row: @autoclosure () -> String, sector: @autoclosure () -> String) -> Bool {
        guard !done else { return true }
        lines += 1
        let denominator = max(scale, check.absoluteFloor)
        guard sum.isFinite, scale.isFinite else {
            maxRelative = .infinity
            violations.append(violation(kind, sector: sector(), row: row(), sum: sum.isFinite ? scale : sum, scale: .nan))
            return false
        }
        maxRelative = max(maxRelative, abs(sum) / denominator)
        guard abs(sum) > check.relativeTolerance * denominator else { return true }
        violations.append(violation(kind, sector: sector(), row: row(), sum: sum, scale: scale))
        return false
    }

    private func violation(_ kind: SFCMatrix.Kind, sector: String, row: String, sum: Double, scale: Double) -> SFCIdentityViolation {
        SFCIdentityViolation(
            period: record.period, model: ledger.name,
            imbalance: SFCMatrixImbalance(kind: kind, sector: sector, row: row, sum: sum, scale: scale))
    }

    private func label(_ entity: Int) -> String { ledger.entities[entity].qualifiedName }

    private func rowLabel(ofLeg leg: Int) -> String {
        let instrument = ledger.instruments[journal.instrument[leg]]
        switch journal.row[leg] {
        case Journal.portfolioRow: return Ledger.changeRow(instrument)
        case Journal.revaluationRow: return "revaluation of \(instrument.name)"
        case let code: return record.rowNames[code]
        }
    }

    // MARK: - 1. Non-finite values

    private func checkFinite() {
        for (name, holdings) in [("opening", record.opening), ("closing", record.closing)] {
            for (index, value) in holdings.enumerated() where !value.isFinite {
                let instrument = ledger.instruments[index / entityCount].name
                line(.balanceSheet, sum: value, scale: .nan, row: "\(instrument) (\(name))", sector: label(index % entityCount))
                if done { return }
            }
        }
        for leg in 0..<journal.legCount where !journal.amount[leg].isFinite {
            line(.transactionsFlow, sum: journal.amount[leg], scale: .nan, row: rowLabel(ofLeg: leg), sector: label(journal.entity[leg]))
            if done { return }
        }
    }

    // MARK: - 2. Balance-sheet rows

    private func checkBalanceSheetRows() {
        var periodScale = [Double](repeating: 0, count: ledger.instrumentCount)
        for leg in 0..<journal.legCount { periodScale[journal.instrument[leg]] += abs(journal.amount[leg]) }
        for instrument in ledger.instruments where instrument.isFinancial {
            let i = instrument.id.index
            var opening = 0.0
            var closing = 0.0
            var openingScale = 0.0
            var closingScale = 0.0
            for e in 0..<entityCount {
                opening += record.opening[i * entityCount + e]
                closing += record.closing[i * entityCount + e]
                openingScale += abs(record.opening[i * entityCount + e])
                closingScale += abs(record.closing[i * entityCount + e])
            }
            let levelScale = closingScale + record.store.turnover[i]
            let changeScale = openingScale + closingScale + periodScale[i]
            if !line(.balanceSheet, sum: closing, scale: levelScale, row: instrument.name, sector: culprit(instrument: i)) { continue }
            line(.balanceSheet, sum: closing - opening, scale: changeScale, row: instrument.name, sector: culprit(instrument: i))
            if done { return }
        }
    }

    /// The entity that posted the first leg of the first entry whose legs on `instrument` do not net to zero.
    private func culprit(instrument: Int) -> String {
        culprit { journal.instrument[$0] == instrument } ?? firstHolder(of: instrument)
    }

    private func firstHolder(of instrument: Int) -> String {
        let base = instrument * entityCount
        let entity = (0..<entityCount).first { record.closing[base + $0] != 0 } ?? 0
        return entityCount > 0 ? label(entity) : ""
    }

    /// The first leg's entity in the first entry whose legs selected by `selects` do not net to zero.
    private func culprit(where selects: (Int) -> Bool) -> String? {
        for entry in 0..<journal.entryCount {
            var sum = 0.0
            var scale = 0.0
            var first: Int?
            for leg in journal.legs(ofEntry: entry) where selects(leg) {
                sum += journal.amount[leg]
                scale += abs(journal.amount[leg])
                if first == nil { first = leg }
            }
            if let first, abs(sum) > check.relativeTolerance * max(scale, check.absoluteFloor) {
                return label(journal.entity[first])
            }
        }
        return nil
    }

    // MARK: - 3. Transactions-flow rows and columns

    private func checkFlowRows() {
        var rowSum = [Double](repeating: 0, count: record.rowNames.count)
        var rowScale = rowSum
        var deltaSum = [Double](repeating: 0, count: ledger.instrumentCount)
        var deltaScale = deltaSum
        var touched = [Bool](repeating: false, count: record.rowNames.count)
        for leg in 0..<journal.legCount {
            let code = journal.row[leg]
            let amount = journal.amount[leg]
            let i = journal.instrument[leg]
            if code >= 0 {
                rowSum[code] += amount
                rowScale[code] += abs(amount)
                touched[code] = true
            }
            if code != Journal.revaluationRow, ledger.instruments[i].isFinancial {
                deltaSum[i] -= amount
                deltaScale[i] += abs(amount)
            }
        }
        for code in touched.indices where touched[code] {
            line(
                .transactionsFlow, sum: rowSum[code], scale: rowScale[code], row: record.rowNames[code],
                sector: culprit { journal.row[$0] == code } ?? "")
            if done { return }
        }
        for instrument in ledger.instruments where instrument.isFinancial {
            let i = instrument.id.index
            line(
                .transactionsFlow, sum: deltaSum[i], scale: deltaScale[i], row: Ledger.changeRow(instrument),
                sector: culprit { journal.instrument[$0] == i && journal.row[$0] != Journal.revaluationRow } ?? "")
            if done { return }
        }
    }

    private func checkFlowColumns() {
        var columnSum = [Double](repeating: 0, count: entityCount)
        var columnScale = columnSum
        for leg in 0..<journal.legCount {
            let code = journal.row[leg]
            let amount = journal.amount[leg]
            let e = journal.entity[leg]
            guard code != Journal.revaluationRow, ledger.instruments[journal.instrument[leg]].isFinancial else { continue }
            if code >= 0 {
                columnSum[e] += amount
                columnScale[e] += abs(amount)
            }
            columnSum[e] -= amount
            columnScale[e] += abs(amount)
        }
        for e in 0..<entityCount {
            line(.transactionsFlow, sum: columnSum[e], scale: columnScale[e], row: "column total", sector: label(e))
            if done { return }
        }
    }

    // MARK: - 4. Stock-flow consistency

    private func checkStockFlow() {
        var flow = [Double](repeating: 0, count: record.closing.count)
        var scale = flow
        for leg in 0..<journal.legCount {
            let cell = journal.instrument[leg] * entityCount + journal.entity[leg]
            flow[cell] += journal.amount[leg]
            scale[cell] += abs(journal.amount[leg])
        }
        for cell in flow.indices {
            let opening = record.opening[cell]
            let closing = record.closing[cell]
            line(
                .transactionsFlow, sum: closing - opening - flow[cell], scale: abs(opening) + abs(closing) + scale[cell],
                row: "\(self.ledger.instruments[cell / self.entityCount].name): closing − opening − flows", sector: label(cell % entityCount))
            if done { return }
        }
    }
}
