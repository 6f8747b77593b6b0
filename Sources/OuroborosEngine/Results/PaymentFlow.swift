/// Money that moved from one entity to another in one period, summed per channel: the edges of
/// the money-flow Sankey and of the network picture (read from the ledger's postings).
public struct PaymentFlow: Sendable, Hashable {
    /// Whether the money paid for something or bought a claim.
    public enum Kind: String, Sendable, Hashable {
        /// A payment on a transaction row (subscriptions, compute, chips, wages, interest …).
        case payment
        /// A financial transaction: equity bought, a loan or bond drawn (`+`), or repaid.
        case financing
    }

    /// The period, 1 … T.
    public var period: Int
    /// The paying entity's id.
    public var payer: String
    /// The receiving entity's id.
    public var payee: String
    /// The transaction row (`Compute`, `Chips`) or, for financing, the instrument (`Equity`, `Loans`).
    public var channel: String
    /// Payment or financing.
    public var kind: Kind
    /// USD paid in the period, > 0.
    public var amount: Double

    /// Creates a flow record.
    public init(period: Int, payer: String, payee: String, channel: String, kind: Kind, amount: Double) {
        self.period = period
        self.payer = payer
        self.payee = payee
        self.channel = channel
        self.kind = kind
        self.amount = amount
    }
}
