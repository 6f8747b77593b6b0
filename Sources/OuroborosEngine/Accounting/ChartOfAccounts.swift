internal import OuroborosCore

/// The instruments of a network run, in matrix order, with their dense ids.
struct ChartOfAccounts: Sendable {
    /// Bank deposits: the means of payment.
    let deposits = InstrumentID(0)
    /// Banks' reserves at the central bank.
    let reserves = InstrumentID(1)
    /// Corporate bonds.
    let bonds = InstrumentID(2)
    /// Bank loans, pledge loans included.
    let loans = InstrumentID(3)
    /// Loans from vendors to their customers.
    let vendorLoans = InstrumentID(4)
    /// Private-credit loans.
    let privateCredit = InstrumentID(5)
    /// Shares (listed at market value, private at transaction value).
    let equity = InstrumentID(6)
    /// Data centres and installed accelerators.
    let tangible = InstrumentID(7)
    /// Crypto: a non-produced asset nobody owes.
    let crypto = InstrumentID(8)

    /// The instruments for the ledger.
    static let instruments: [Instrument] = Instrument.numbered([
        ("Deposits", .deposits), ("Reserves", .centralBankMoney), ("Bonds", .bonds), ("Loans", .loans),
        ("Vendor loans", .loans), ("Private credit", .privateCredit), ("Equity", .equity),
        ("Tangible capital", .realCapital), ("Crypto", .realCapital),
    ])
}
