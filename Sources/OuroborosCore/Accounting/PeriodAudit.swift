/// The buffers one check of a period's identities sums into. Kept by a caller that checks period
/// after period (the network engine checks every period of every run), a workspace makes the
/// check allocate nothing once its buffers have grown to the ledger's size.
public struct ConservationWorkspace: Sendable {
    /// Per instrument: the absolute amounts posted in the period; the `Δ` rows' sums and scales.
    var periodScale: [Double] = [], deltaSum: [Double] = [], deltaScale: [Double] = []
    /// Per transaction row: its sum and scale, and whether the period posted on it.
    var rowSum: [Double] = [], rowScale: [Double] = [], touched: [Bool] = []
    /// Per entity: its transactions-flow column's sum and scale.
    var columnSum: [Double] = [], columnScale: [Double] = []
    /// Per holding: the flows posted to it and their absolute sum.
    var flow: [Double] = [], flowScale: [Double] = []

    /// An empty workspace; it grows to the first ledger it checks.
    public init() {}

    /// Zeroes every buffer, sized for `instruments`, `rows` and `entities`.
    mutating func reset(instruments: Int, rows: Int, entities: Int) {
        Self.zero(&periodScale, instruments)
        Self.zero(&deltaSum, instruments)
        Self.zero(&deltaScale, instruments)
        Self.zero(&rowSum, rows)
        Self.zero(&rowScale, rows)
        if touched.count != rows { touched = [Bool](repeating: false, count: rows) } else { for i in touched.indices { touched[i] = false } }
        Self.zero(&columnSum, entities)
        Self.zero(&columnScale, entities)
        Self.zero(&flow, instruments * entities)
        Self.zero(&flowScale, instruments * entities)
    }

    /// The workspace's buffers as raw pointers, for the pass over the legs.
    struct Buffers {
        let periodScale, deltaSum, deltaScale, rowSum, rowScale, columnSum, columnScale, flow, flowScale: UnsafeMutableBufferPointer<Double>
        let touched: UnsafeMutableBufferPointer<Bool>
    }

    mutating func withUnsafeBuffers(_ body: (Buffers) -> Void) {
        periodScale.withUnsafeMutableBufferPointer { periodScale in
            deltaSum.withUnsafeMutableBufferPointer { deltaSum in
                deltaScale.withUnsafeMutableBufferPointer { deltaScale in
                    rowSum.withUnsafeMutableBufferPointer { rowSum in
                        rowScale.withUnsafeMutableBufferPointer { rowScale in
                            columnSum.withUnsafeMutableBufferPointer { columnSum in
                                columnScale.withUnsafeMutableBufferPointer { columnScale in
                                    flow.withUnsafeMutableBufferPointer { flow in
                                        flowScale.withUnsafeMutableBufferPointer { flowScale in
                                            touched.withUnsafeMutableBufferPointer { touched in
                                                body(
                                                    Buffers(
                                                        periodScale: periodScale, deltaSum: deltaSum, deltaScale: deltaScale, rowSum: rowSum,
                                                        rowScale: rowScale, columnSum: columnSum, columnScale: columnScale, flow: flow,
                                                        flowScale: flowScale, touched: touched))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func zero(_ buffer: inout [Double], _ count: Int) {
        if buffer.count != count {
            buffer = [Double](repeating: 0, count: count)
        } else {
            buffer.withUnsafeMutableBufferPointer { values in
                for i in values.indices { values[i] = 0 }
            }
        }
    }
}

/// One run of `ConservationCheck` over one period: one pass over the period's legs sums every line
/// into the workspace, then each line is compared with its scale; records violations.
struct PeriodAudit {
    let ledger: Ledger
    let record: LedgerPeriod
    let check: ConservationCheck
    let stopAtFirst: Bool

    private var journal: Journal { record.store.journal }
    private var entityCount: Int { ledger.entityCount }

    init(ledger: Ledger, record: LedgerPeriod, check: ConservationCheck, stopAtFirst: Bool) {
        self.ledger = ledger
        self.record = record
        self.check = check
        self.stopAtFirst = stopAtFirst
    }

    /// What the lines checked so far came to.
    struct Tally {
        var violations: [SFCIdentityViolation] = []
        var maxRelative = 0.0
        var lines = 0
        let stopAtFirst: Bool

        var done: Bool { stopAtFirst && !violations.isEmpty }
    }

    /// Checks every line of the period, summing into `workspace`.
    func run(_ workspace: inout ConservationWorkspace) -> Tally {
        var t = Tally(stopAtFirst: stopAtFirst)
        checkFinite(&t)
        guard !t.done else { return t }
        sum(into: &workspace)
        checkBalanceSheetRows(workspace, &t)
        if !t.done { checkFlowRows(workspace, &t) }
        if !t.done { checkFlowColumns(workspace, &t) }
        if !t.done { checkStockFlow(workspace, &t) }
        return t
    }

    // MARK: - Lines

    /// Records one line; returns whether it passed.
    @discardableResult
    private func line(
        _ t: inout Tally, _ kind: SFCMatrix.Kind, sum: Double, scale: Double, row: @autoclosure () -> String,
        sector: @autoclosure () -> String
    ) -> Bool {
        guard !t.done else { return true }
        t.lines += 1
        let denominator = max(scale, check.absoluteFloor)
        guard sum.isFinite, scale.isFinite else {
            t.maxRelative = .infinity
            t.violations.append(violation(kind, sector: sector(), row: row(), sum: sum.isFinite ? scale : sum, scale: .nan))
            return false
        }
        t.maxRelative = max(t.maxRelative, abs(sum) / denominator)
        guard abs(sum) > check.relativeTolerance * denominator else { return true }
        t.violations.append(violation(kind, sector: sector(), row: row(), sum: sum, scale: scale))
        return false
    }

    private func violation(_ kind: SFCMatrix.Kind, sector: String, row: String, sum: Double, scale: Double) -> SFCIdentityViolation {
        SFCIdentityViolation(
            period: record.period, model: ledger.name,
            imbalance: SFCMatrixImbalance(kind: kind, sector: sector, row: row, sum: sum, scale: scale))
    }

    private func label(_ entity: Int) -> String { ledger.entities[entity].qualifiedName }

    private func rowLabel(ofLeg leg: Int) -> String {
        let instrument = ledger.instruments[journal.legs[leg].instrumentIndex]
        switch journal.legs[leg].row {
        case Journal.portfolioRow: return Ledger.changeRow(instrument)
        case Journal.revaluationRow: return "revaluation of \(instrument.name)"
        case let code: return record.rowNames[code]
        }
    }

    // MARK: - 1. Non-finite values

    private func checkFinite(_ t: inout Tally) {
        // Almost always everything is finite: one pass to find out, the naming pass only when not.
        guard !Self.allFinite(record.opening) || !Self.allFinite(record.closing) || !journal.legs.allSatisfy({ $0.amount.isFinite }) else {
            return
        }
        let opening = record.opening
        for index in opening.indices where !opening[index].isFinite {
            let instrument = ledger.instruments[index / entityCount].name
            line(&t, .balanceSheet, sum: opening[index], scale: .nan, row: "\(instrument) (opening)", sector: label(index % entityCount))
            if t.done { return }
        }
        let closing = record.closing
        for index in closing.indices where !closing[index].isFinite {
            let instrument = ledger.instruments[index / entityCount].name
            line(&t, .balanceSheet, sum: closing[index], scale: .nan, row: "\(instrument) (closing)", sector: label(index % entityCount))
            if t.done { return }
        }
        let journal = journal
        for leg in 0..<journal.legCount where !journal.legs[leg].amount.isFinite {
            line(
                &t, .transactionsFlow, sum: journal.legs[leg].amount, scale: .nan, row: rowLabel(ofLeg: leg),
                sector: label(journal.legs[leg].entityIndex))
            if t.done { return }
        }
    }

    private static func allFinite(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            var finite = true
            for value in buffer { finite = finite && value.isFinite }
            return finite
        }
    }

    // MARK: - The sums, in one pass over the legs (each line adds its legs in posting order)

    private func sum(into w: inout ConservationWorkspace) {
        let instruments = ledger.instruments
        w.reset(instruments: instruments.count, rows: record.rowNames.count, entities: entityCount)
        let journal = journal
        let n = entityCount
        let isFinancial = instruments.map(\.isFinancial)
        // Raw buffers: this is the check's only pass over the legs, run every period of every run.
        journal.legs.withUnsafeBufferPointer { legs in
            w.withUnsafeBuffers { b in
                for leg in legs {
                    let code = leg.row
                    let amount = leg.amount
                    let size = abs(amount)
                    let i = leg.instrumentIndex
                    let e = leg.entityIndex
                    b.periodScale[i] += size
                    if code >= 0 {
                        b.rowSum[code] += amount
                        b.rowScale[code] += size
                        b.touched[code] = true
                    }
                    if code != Journal.revaluationRow, isFinancial[i] {
                        b.deltaSum[i] -= amount
                        b.deltaScale[i] += size
                        if code >= 0 {
                            b.columnSum[e] += amount
                            b.columnScale[e] += size
                        }
                        b.columnSum[e] -= amount
                        b.columnScale[e] += size
                    }
                    let cell = i * n + e
                    b.flow[cell] += amount
                    b.flowScale[cell] += size
                }
            }
        }
    }

    // MARK: - 2. Balance-sheet rows

    private func checkBalanceSheetRows(_ w: ConservationWorkspace, _ t: inout Tally) {
        let opening = record.opening
        let closing = record.closing
        for instrument in ledger.instruments where instrument.isFinancial {
            let i = instrument.id.index
            var openingSum = 0.0
            var closingSum = 0.0
            var openingScale = 0.0
            var closingScale = 0.0
            for e in 0..<entityCount {
                openingSum += opening[i * entityCount + e]
                closingSum += closing[i * entityCount + e]
                openingScale += abs(opening[i * entityCount + e])
                closingScale += abs(closing[i * entityCount + e])
            }
            let levelScale = closingScale + record.store.turnover[i]
            let changeScale = openingScale + closingScale + w.periodScale[i]
            if !line(&t, .balanceSheet, sum: closingSum, scale: levelScale, row: instrument.name, sector: culprit(instrument: i)) { continue }
            line(&t, .balanceSheet, sum: closingSum - openingSum, scale: changeScale, row: instrument.name, sector: culprit(instrument: i))
            if t.done { return }
        }
    }

    /// The entity that posted the first leg of the first entry whose legs on `instrument` do not net to zero.
    private func culprit(instrument: Int) -> String {
        culprit { journal.legs[$0].instrumentIndex == instrument } ?? firstHolder(of: instrument)
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
                sum += journal.legs[leg].amount
                scale += abs(journal.legs[leg].amount)
                if first == nil { first = leg }
            }
            if let first, abs(sum) > check.relativeTolerance * max(scale, check.absoluteFloor) {
                return label(journal.legs[first].entityIndex)
            }
        }
        return nil
    }

    // MARK: - 3. Transactions-flow rows and columns

    private func checkFlowRows(_ w: ConservationWorkspace, _ t: inout Tally) {
        for code in w.touched.indices where w.touched[code] {
            line(
                &t, .transactionsFlow, sum: w.rowSum[code], scale: w.rowScale[code], row: record.rowNames[code],
                sector: culprit { journal.legs[$0].row == code } ?? "")
            if t.done { return }
        }
        for instrument in ledger.instruments where instrument.isFinancial {
            let i = instrument.id.index
            line(
                &t, .transactionsFlow, sum: w.deltaSum[i], scale: w.deltaScale[i], row: Ledger.changeRow(instrument),
                sector: culprit { journal.legs[$0].instrumentIndex == i && journal.legs[$0].row != Journal.revaluationRow } ?? "")
            if t.done { return }
        }
    }

    private func checkFlowColumns(_ w: ConservationWorkspace, _ t: inout Tally) {
        for e in 0..<entityCount {
            line(&t, .transactionsFlow, sum: w.columnSum[e], scale: w.columnScale[e], row: "column total", sector: label(e))
            if t.done { return }
        }
    }

    // MARK: - 4. Stock-flow consistency

    private func checkStockFlow(_ w: ConservationWorkspace, _ t: inout Tally) {
        let floor = check.absoluteFloor
        let tolerance = check.relativeTolerance
        // The common case of line(), in raw buffers: a finite line that passes (counted, its ratio
        // kept); the first that does not stops the fast pass and every line from there on is checked by line().
        var firstOther = w.flow.count
        var lines = t.lines
        var maxRelative = t.maxRelative
        if !t.done {
            record.store.opening.withUnsafeBufferPointer { opening in
                record.store.closing.withUnsafeBufferPointer { closing in
                    w.flow.withUnsafeBufferPointer { flow in
                        w.flowScale.withUnsafeBufferPointer { flowScale in
                            for cell in 0..<flow.count {
                                let before = opening[cell]
                                let after = closing[cell]
                                let sum = after - before - flow[cell]
                                let scale = abs(before) + abs(after) + flowScale[cell]
                                let denominator = max(scale, floor)
                                guard sum.isFinite, scale.isFinite, abs(sum) <= tolerance * denominator else {
                                    firstOther = cell
                                    return
                                }
                                lines += 1
                                maxRelative = max(maxRelative, abs(sum) / denominator)
                            }
                        }
                    }
                }
            }
            t.lines = lines
            t.maxRelative = maxRelative
        }
        let opening = record.opening
        let closing = record.closing
        for cell in firstOther..<w.flow.count {
            let before = opening[cell]
            let after = closing[cell]
            line(
                &t, .transactionsFlow, sum: after - before - w.flow[cell], scale: abs(before) + abs(after) + w.flowScale[cell],
                row: "\(self.ledger.instruments[cell / self.entityCount].name): closing − opening − flows",
                sector: label(cell % entityCount))
            if t.done { return }
        }
    }
}
