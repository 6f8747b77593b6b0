/// What kind of stock an instrument is; decides whether it must net to zero across balance sheets.
///
/// Every financial instrument is somebody's asset and somebody else's liability, so its holdings
/// sum to zero across entities. Real (tangible) capital is nobody's liability and is exempt.
public enum InstrumentKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Bank deposits: money created by bank lending, the usual means of payment.
    case deposits
    /// Central-bank money: reserves and cash (high-powered money).
    case centralBankMoney = "central_bank_money"
    /// Bills and bonds.
    case bonds
    /// Bank loans.
    case loans
    /// Shares: the issuer's liability at market value.
    case equity
    /// Private credit: direct loans from funds and SPVs.
    case privateCredit = "private_credit"
    /// Real, tangible capital (data centres, chips, power plants): an asset with no issuer.
    case realCapital = "real_capital"

    /// Whether holdings must sum to zero across entities (every kind but real capital).
    public var isFinancial: Bool { self != .realCapital }

    /// Whether the instrument is usually used to settle payments (deposits and central-bank money).
    public var isMeansOfPayment: Bool { self == .deposits || self == .centralBankMoney }

    /// The snake_case id, e.g. `central_bank_money`.
    public var description: String { rawValue }
}
