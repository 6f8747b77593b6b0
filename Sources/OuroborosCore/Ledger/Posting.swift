/// One transaction between two balance sheets, in the forms SFC models use; always balanced.
///
/// - `transfer`: a current or capital flow. The payer pays the payee for a named transaction row
///   (`Consumption`, `Wages`, `Interest`, `Investment`), settled in a means of payment: the payer's
///   holding of it falls by `amount`, the payee's rises.
/// - `financial`: the holder acquires `amount` of an instrument issued by the issuer (holder `+`,
///   issuer `-`), paying in a settlement instrument (holder's holding down, issuer's up). A bank
///   lending to a firm is `financial(holder: bank, issuer: firm, instrument: loans, settlement:
///   deposits)`: the firm's deposits and the bank's deposit liability both grow, so lending
///   creates money; a negative amount (or `redemption`) repays and destroys it.
/// - `investment`: the buyer pays the seller on a transaction row and adds the amount to its real
///   capital (tangible assets appear in the balance sheet only).
/// - `revaluation`: a holding gain or loss with no payment (price change, write-off, depreciation);
///   for a financial instrument the issuer's liability moves with the holder's asset.
public enum Posting: Sendable, Hashable {
    /// The payer pays the payee `amount` on transaction row `row`, settled in `settlement`.
    case transfer(row: String, payer: EntityID, payee: EntityID, amount: Double, settlement: InstrumentID)
    /// The holder acquires `amount` of `instrument` issued by the issuer, paying in `settlement`.
    case financial(holder: EntityID, issuer: EntityID, instrument: InstrumentID, amount: Double, settlement: InstrumentID)
    /// The buyer pays the seller `amount` on row `row` in `settlement` and gains `amount` of real `capital`.
    case investment(row: String, buyer: EntityID, seller: EntityID, amount: Double, capital: InstrumentID, settlement: InstrumentID)
    /// The holder's holding of `instrument` changes by `amount` without a payment; the issuer's by `-amount`.
    case revaluation(holder: EntityID, issuer: EntityID?, instrument: InstrumentID, amount: Double)

    /// The holder gives back `amount` of `instrument` to its issuer and is repaid in `settlement`
    /// (a loan repayment destroys deposits).
    public static func redemption(holder: EntityID, issuer: EntityID, instrument: InstrumentID, amount: Double, settlement: InstrumentID) -> Posting {
        .financial(holder: holder, issuer: issuer, instrument: instrument, amount: -amount, settlement: settlement)
    }

    /// The posting's amount as given.
    public var amount: Double {
        switch self {
        case .transfer(_, _, _, let amount, _), .financial(_, _, _, let amount, _),
            .investment(_, _, _, let amount, _, _), .revaluation(_, _, _, let amount):
            amount
        }
    }

    /// The legs the posting consists of.
    public var journalEntry: JournalEntry {
        switch self {
        case .transfer(let row, let payer, let payee, let amount, let settlement):
            return JournalEntry([
                JournalLeg(entity: payer, instrument: settlement, amount: -amount, row: row),
                JournalLeg(entity: payee, instrument: settlement, amount: amount, row: row),
            ])
        case .financial(let holder, let issuer, let instrument, let amount, let settlement):
            return JournalEntry([
                JournalLeg(entity: holder, instrument: instrument, amount: amount, flow: .portfolio),
                JournalLeg(entity: issuer, instrument: instrument, amount: -amount, flow: .portfolio),
                JournalLeg(entity: holder, instrument: settlement, amount: -amount, flow: .portfolio),
                JournalLeg(entity: issuer, instrument: settlement, amount: amount, flow: .portfolio),
            ])
        case .investment(let row, let buyer, let seller, let amount, let capital, let settlement):
            return JournalEntry([
                JournalLeg(entity: buyer, instrument: settlement, amount: -amount, row: row),
                JournalLeg(entity: seller, instrument: settlement, amount: amount, row: row),
                JournalLeg(entity: buyer, instrument: capital, amount: amount, flow: .portfolio),
            ])
        case .revaluation(let holder, let issuer, let instrument, let amount):
            var legs = [JournalLeg(entity: holder, instrument: instrument, amount: amount, flow: .revaluation)]
            if let issuer {
                legs.append(JournalLeg(entity: issuer, instrument: instrument, amount: -amount, flow: .revaluation))
            }
            return JournalEntry(legs)
        }
    }
}
