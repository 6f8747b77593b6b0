/// The accounting identities of a ledger period, checked at its end:
///
/// 1. nothing is NaN or infinite (holdings and amounts posted);
/// 2. every financial instrument's holdings sum to zero across entities (one's asset is another's
///    liability), both in level and in their change over the period;
/// 3. every row and every column of the transactions-flow matrix sums to zero;
/// 4. stock-flow consistency: each holding's change equals the amounts posted to it.
///
/// A line passes when `|sum| <= relativeTolerance * max(scale, absoluteFloor)`, where `scale` is
/// the sum of the absolute amounts that make up the line (as in `SFCMatrix.firstImbalance`). For
/// the level of a balance-sheet row, `scale` also includes all amounts ever posted to the
/// instrument, so that rounding left behind by large offsetting postings is not mistaken for an
/// error; the change over the period is checked against that period's amounts alone.
/// A violation names the period, the row and the sector and entity that posted the unbalanced leg
/// (`Households: hh`).
public struct ConservationCheck: Sendable {
    /// The relative tolerance of every line (default `1e-9`).
    public var relativeTolerance: Double
    /// The smallest scale, so that lines of rounding noise around zero pass (default `1e-9`).
    public var absoluteFloor: Double

    /// A check with the given tolerances.
    public init(relativeTolerance: Double = 1e-9, absoluteFloor: Double = 1e-9) {
        self.relativeTolerance = relativeTolerance
        self.absoluteFloor = absoluteFloor
    }

    /// Throws the first broken identity of `period` (the latest when `nil`).
    ///
    /// The period must be recorded (see `Ledger.recordedPeriods`).
    public func verify(_ ledger: Ledger, period: Int? = nil) throws(SFCIdentityViolation) {
        if let violation = firstViolation(in: ledger, period: period) { throw violation }
    }

    /// The first broken identity of `period` (the latest when `nil`), or `nil` when all hold.
    public func firstViolation(in ledger: Ledger, period: Int? = nil) -> SFCIdentityViolation? {
        var workspace = ConservationWorkspace()
        return evaluate(ledger, period: period, stopAtFirst: true, workspace: &workspace).violations.first
    }

    /// Every broken identity of `period` (the latest when `nil`) and the largest relative imbalance.
    public func report(for ledger: Ledger, period: Int? = nil) -> ConservationReport {
        var workspace = ConservationWorkspace()
        return evaluate(ledger, period: period, stopAtFirst: false, workspace: &workspace)
    }

    /// `report(for:period:)` summing into `workspace`, which a caller checking period after period
    /// keeps, so that the check allocates nothing once the workspace has grown to the ledger.
    public func report(for ledger: Ledger, period: Int? = nil, reusing workspace: inout ConservationWorkspace) -> ConservationReport {
        evaluate(ledger, period: period, stopAtFirst: false, workspace: &workspace)
    }

    /// The largest relative imbalance of any line in `period` (the latest when `nil`).
    public func maxRelativeImbalance(in ledger: Ledger, period: Int? = nil) -> Double {
        report(for: ledger, period: period).maxRelativeImbalance
    }

    private func evaluate(_ ledger: Ledger, period: Int?, stopAtFirst: Bool, workspace: inout ConservationWorkspace) -> ConservationReport {
        let period = period ?? ledger.latestPeriod
        guard let record = ledger.record(period: period) else {
            preconditionFailure("ConservationCheck: period \(period) is not recorded in ledger \(ledger.name)")
        }
        let audit = PeriodAudit(ledger: ledger, record: record, check: self, stopAtFirst: stopAtFirst)
        let tally = audit.run(&workspace)
        return ConservationReport(
            period: period, model: ledger.name, violations: tally.violations,
            maxRelativeImbalance: tally.maxRelative, linesChecked: tally.lines)
    }
}
