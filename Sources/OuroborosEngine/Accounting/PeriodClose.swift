internal import OuroborosCore

/// Step 11: every period ends with the core `ConservationCheck` (balance-sheet rows, transactions-flow
/// rows and columns, stock-flow consistency, all within 1e-9 relative); a violation stops the run
/// naming period, sector and row. Then the period's payments are traced (M2).
extension Simulator {
    /// Checks and closes the open period.
    mutating func closePeriod(openingCash: [Double]) throws(EngineError) {
        if let fault, fault.period == t {
            try books.postRaw(
                JournalEntry([
                    JournalLeg(
                        entity: EntityID(table.households), instrument: books.chart.deposits,
                        amount: fault.amount, row: PaymentRow.wages.label)
                ]))
        }
        let report = ConservationCheck().report(for: books.ledger, period: t, reusing: &conservation)
        if let violation = report.violations.first {
            if !violation.imbalance.sum.isFinite {
                throw .nonFinite(period: t, entity: violation.imbalance.sector, variable: violation.imbalance.row)
            }
            throw .identityViolation(violation)
        }
        recorder.maxImbalance = max(recorder.maxImbalance, report.maxRelativeImbalance)
        do { try books.ledger.closePeriod() } catch { throw books.wrap(error) }
        if tracing { tracer.trace(books: books, opening: openingCash) }
        originSnapshots?.append(tracer.totals)
    }
}
