/// The record of one period of a ledger: holdings at its start and end, and the entries posted.
public struct LedgerPeriod: Sendable {
    /// The stored state.
    let store: PeriodStore
    /// Whether the period is closed (the open period's closing holdings are the current ones).
    public let isClosed: Bool
    /// The number of entities, the stride of the holdings arrays.
    public let entityCount: Int
    /// The ledger's transaction-row names, indexed by the journal's row codes.
    let rowNames: [String]

    init(store: PeriodStore, isClosed: Bool, entityCount: Int, rowNames: [String]) {
        self.store = store
        self.isClosed = isClosed
        self.entityCount = entityCount
        self.rowNames = rowNames
    }

    /// The period number.
    public var period: Int { store.period }

    /// Holdings at the start of the period, `[instrument * entityCount + entity]`.
    public var opening: [Double] { store.opening }

    /// Holdings at the end of the period (so far, for the open period).
    public var closing: [Double] { store.closing }

    /// The opening holding of `instrument` by `entity`.
    public func opening(_ entity: EntityID, _ instrument: InstrumentID) -> Double {
        store.opening[instrument.index * entityCount + entity.index]
    }

    /// The closing holding of `instrument` by `entity`.
    public func closing(_ entity: EntityID, _ instrument: InstrumentID) -> Double {
        store.closing[instrument.index * entityCount + entity.index]
    }

    /// The number of entries posted.
    public var entryCount: Int { store.journal.entryCount }

    /// The number of legs posted.
    public var legCount: Int { store.journal.legCount }

    /// The entries posted, in order.
    public var entries: [JournalEntry] {
        let journal = store.journal
        return (0..<journal.entryCount).map { entry in
            JournalEntry(
                journal.legs(ofEntry: entry).map { leg in
                    let flow: JournalLeg.Flow =
                        switch journal.legs[leg].row {
                        case Journal.portfolioRow: .portfolio
                        case Journal.revaluationRow: .revaluation
                        case let code: .transaction(rowNames[code])
                        }
                    return JournalLeg(
                        entity: EntityID(journal.legs[leg].entityIndex), instrument: InstrumentID(journal.legs[leg].instrumentIndex),
                        amount: journal.legs[leg].amount, flow: flow)
                })
        }
    }
}
