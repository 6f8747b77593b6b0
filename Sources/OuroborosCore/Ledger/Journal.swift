/// The legs posted in one period, stored as parallel arrays (structure of arrays).
struct Journal: Sendable {
    /// Row code of a financial-transaction leg.
    static let portfolioRow = -1
    /// Row code of a revaluation leg.
    static let revaluationRow = -2

    /// Entity index of each leg.
    var entity: [Int] = []
    /// Instrument index of each leg.
    var instrument: [Int] = []
    /// Signed amount of each leg.
    var amount: [Double] = []
    /// Transaction-row index of each leg, or `portfolioRow` / `revaluationRow`.
    var row: [Int] = []
    /// Index of the first leg of each entry.
    var entryStarts: [Int] = []

    /// The number of legs.
    var legCount: Int { amount.count }

    /// The number of entries.
    var entryCount: Int { entryStarts.count }

    /// Empties the journal, keeping its buffers for the next period.
    mutating func removeAll() {
        entity.removeAll(keepingCapacity: true)
        instrument.removeAll(keepingCapacity: true)
        amount.removeAll(keepingCapacity: true)
        row.removeAll(keepingCapacity: true)
        entryStarts.removeAll(keepingCapacity: true)
    }

    /// Starts a new entry; legs appended afterwards belong to it.
    mutating func beginEntry() {
        entryStarts.append(amount.count)
    }

    /// Appends one leg to the current entry.
    mutating func append(entity: Int, instrument: Int, amount: Double, row: Int) {
        self.entity.append(entity)
        self.instrument.append(instrument)
        self.amount.append(amount)
        self.row.append(row)
    }

    /// The leg indices of entry `index`.
    func legs(ofEntry index: Int) -> Range<Int> {
        entryStarts[index]..<(index + 1 < entryStarts.count ? entryStarts[index + 1] : amount.count)
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
