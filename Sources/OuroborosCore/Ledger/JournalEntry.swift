/// A set of legs posted together: the low-level form of every transaction.
///
/// A well-formed entry changes each financial instrument by zero in total (one side's asset is
/// the other side's liability) and nets each transaction row to zero (what one pays another
/// receives). Entries are not required to be well formed, so that checks can be tested;
/// `ConservationCheck` finds the ones that are not.
public struct JournalEntry: Sendable, Hashable {
    /// The legs, in posting order.
    public var legs: [JournalLeg]

    /// An entry of `legs`.
    public init(_ legs: [JournalLeg]) {
        self.legs = legs
    }

    /// Whether every financial instrument and every transaction row nets to zero across the legs,
    /// within `relativeTolerance` of the sum of absolute amounts involved.
    ///
    /// Real-asset legs are exempt: they are nobody's liability. `isFinancial` tells which
    /// instruments must net to zero (by default, all).
    public func isBalanced(relativeTolerance: Double = 1e-9, isFinancial: (InstrumentID) -> Bool = { _ in true }) -> Bool {
        var instrumentSums: [InstrumentID: (sum: Double, scale: Double)] = [:]
        var rowSums: [String: (sum: Double, scale: Double)] = [:]
        for leg in legs {
            guard leg.amount.isFinite else { return false }
            if isFinancial(leg.instrument) {
                instrumentSums[leg.instrument, default: (0, 0)].sum += leg.amount
                instrumentSums[leg.instrument, default: (0, 0)].scale += abs(leg.amount)
            }
            if let row = leg.row {
                rowSums[row, default: (0, 0)].sum += leg.amount
                rowSums[row, default: (0, 0)].scale += abs(leg.amount)
            }
        }
        let closes = { (line: (sum: Double, scale: Double)) in
            abs(line.sum) <= relativeTolerance * max(line.scale, 1e-9)
        }
        return instrumentSums.values.allSatisfy(closes) && rowSums.values.allSatisfy(closes)
    }
}
