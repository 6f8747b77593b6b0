/// A posting or query the ledger refused, saying which period, entity, row and instrument.
public enum LedgerError: Error, Sendable, CustomStringConvertible {
    /// An amount that is NaN or infinite; `period` is `nil` while seeding opening balances.
    case nonFiniteAmount(period: Int?, entity: String, row: String, instrument: String, amount: Double)
    /// A payment row on a real asset: real capital is bought through a payment row, never settled in.
    case transactionRowOnRealAsset(period: Int?, entity: String, row: String, instrument: String)
    /// An instrument of the wrong kind for its role in a posting (e.g. settling in real capital).
    case wrongInstrumentKind(instrument: String, role: String, expected: String)
    /// An entity id outside the ledger.
    case unknownEntity(EntityID)
    /// An instrument id outside the ledger.
    case unknownInstrument(InstrumentID)
    /// A posting or close with no period open.
    case noOpenPeriod(operation: String)
    /// `beginPeriod()` while a period is still open.
    case periodAlreadyOpen(Int)
    /// Opening balances seeded after the first period began.
    case seedingAfterStart
    /// A period that was never recorded or has been dropped from the history.
    case periodNotRecorded(Int)
    /// Entities or instruments that do not form a valid chart (ids not dense, names repeated).
    case invalidChart(String)

    /// One sentence naming the period, entity, row and instrument involved.
    public var description: String {
        switch self {
        case .nonFiniteAmount(let period, let entity, let row, let instrument, let amount):
            return
                "\(Self.place(period)): amount \(amount.isNaN ? "nan" : String(describing: amount)) posted to \(entity), row \(row), instrument \(instrument) is not a finite number"
        case .transactionRowOnRealAsset(let period, let entity, let row, let instrument):
            return
                "\(Self.place(period)): \(entity) posted row \(row) on real asset \(instrument); pay for real capital in a financial instrument and add the capital as a portfolio leg"
        case .wrongInstrumentKind(let instrument, let role, let expected):
            return "instrument \(instrument) cannot be the \(role) of this posting: expected \(expected)"
        case .unknownEntity(let id):
            return "no entity with index \(id.index) in this ledger"
        case .unknownInstrument(let id):
            return "no instrument with index \(id.index) in this ledger"
        case .noOpenPeriod(let operation):
            return "cannot \(operation): no period is open (call beginPeriod() first)"
        case .periodAlreadyOpen(let period):
            return "cannot begin a period: period \(period) is still open (call closePeriod() first)"
        case .seedingAfterStart:
            return "opening balances can only be seeded before the first period begins"
        case .periodNotRecorded(let period):
            return "period \(period) is not recorded in this ledger"
        case .invalidChart(let reason):
            return "invalid chart of accounts: \(reason)"
        }
    }

    private static func place(_ period: Int?) -> String {
        period.map { "period \($0)" } ?? "opening balances"
    }
}
