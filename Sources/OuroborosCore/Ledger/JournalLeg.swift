/// One side of a journal entry: a signed change in one entity's holding of one instrument.
///
/// Holdings are signed, assets `+` and liabilities `-`, so `amount > 0` means the entity's asset
/// grew or its liability shrank. `flow` says how the change shows in the transactions-flow matrix.
public struct JournalLeg: Sendable, Hashable {
    /// How a change in a holding enters the transactions-flow matrix.
    public enum Flow: Sendable, Hashable {
        /// The change settles a payment on the named transaction row (`Wages`, `Interest`):
        /// the row cell gets `+amount` (a source of funds when positive) and the instrument's
        /// `Δ` row `-amount`, so the leg leaves its column closed on its own.
        case transaction(String)
        /// A financial transaction (acquiring or issuing an instrument): the instrument's `Δ` row
        /// gets `-amount` (acquiring an asset is a use of funds). On a real asset, no TFM cell.
        case portfolio
        /// A holding gain or loss (price change, write-off, depreciation): changes stocks, not flows.
        case revaluation
    }

    /// Whose balance sheet changes.
    public var entity: EntityID
    /// Which holding changes.
    public var instrument: InstrumentID
    /// The signed change in the holding (asset `+`, liability `-`).
    public var amount: Double
    /// Payment, financial transaction or revaluation.
    public var flow: Flow

    /// A leg with an explicit flow.
    public init(entity: EntityID, instrument: InstrumentID, amount: Double, flow: Flow) {
        self.entity = entity
        self.instrument = instrument
        self.amount = amount
        self.flow = flow
    }

    /// A leg settling a payment on transaction row `row`, or a financial transaction when `row` is `nil`.
    public init(entity: EntityID, instrument: InstrumentID, amount: Double, row: String?) {
        self.init(entity: entity, instrument: instrument, amount: amount, flow: row.map(Flow.transaction) ?? .portfolio)
    }

    /// The transaction row the leg settles, if it settles one.
    public var row: String? {
        if case .transaction(let row) = flow { return row }
        return nil
    }
}
