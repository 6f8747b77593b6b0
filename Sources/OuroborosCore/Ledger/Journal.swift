/// The legs posted in one period, in posting order, each one compact record (one append per leg).
struct Journal: Sendable {
    /// Row code of a financial-transaction leg.
    static let portfolioRow = -1
    /// Row code of a revaluation leg.
    static let revaluationRow = -2

    /// One leg: the signed amount, the entity and instrument indices, and the transaction-row index
    /// (or `portfolioRow` / `revaluationRow`).
    struct Leg: Sendable {
        var amount: Double
        var entity: Int32
        var instrument: Int16
        var rowCode: Int16

        /// The entity's index.
        @inline(__always) var entityIndex: Int { Int(entity) }
        /// The instrument's index.
        @inline(__always) var instrumentIndex: Int { Int(instrument) }
        /// The row code.
        @inline(__always) var row: Int { Int(rowCode) }
    }

    /// The legs.
    var legs: [Leg] = []
    /// Index of the first leg of each entry.
    var entryStarts: [Int] = []

    /// The number of legs.
    var legCount: Int { legs.count }

    /// The number of entries.
    var entryCount: Int { entryStarts.count }

    /// Empties the journal, keeping its buffers for the next period.
    mutating func removeAll() {
        legs.removeAll(keepingCapacity: true)
        entryStarts.removeAll(keepingCapacity: true)
    }

    /// Starts a new entry; legs appended afterwards belong to it.
    mutating func beginEntry() {
        entryStarts.append(legs.count)
    }

    /// Appends one leg to the current entry.
    @inline(__always)
    mutating func append(entity: Int, instrument: Int, amount: Double, row: Int) {
        legs.append(
            Leg(
                amount: amount, entity: Int32(truncatingIfNeeded: entity), instrument: Int16(truncatingIfNeeded: instrument),
                rowCode: Int16(truncatingIfNeeded: row)))
    }

    /// The leg indices of entry `index`.
    func legs(ofEntry index: Int) -> Range<Int> {
        entryStarts[index]..<(index + 1 < entryStarts.count ? entryStarts[index + 1] : legs.count)
    }
}

/// The opening and closing state and the journal of one period.
struct PeriodStore: Sendable {
    /// The period number.
    var period: Int
    /// Holdings at the start of the period, `instrument * entityCount + entity`.
    var opening: [Double]
    /// Holdings at the end of the period (for the open period, filled in when it is read).
    var closing: [Double]
    /// Cumulative gross amounts posted per instrument since the ledger began, at the end of the period.
    var turnover: [Double]
    /// Legs posted during the period.
    var journal: Journal
}
