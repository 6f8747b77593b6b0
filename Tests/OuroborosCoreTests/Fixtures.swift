import OuroborosCore

/// A Godley–Lavoie SIM-like economy: households, firms and government, paying in government money.
struct SIMBook {
    let households = EntityID(0)
    let firms = EntityID(1)
    let government = EntityID(2)
    let money = InstrumentID(0)
    var ledger: Ledger

    init() throws {
        ledger = try Ledger(
            name: "SIM",
            entities: Entity.numbered([("Households", .household), ("Firms", .firm), ("Government", .government)]),
            instruments: Instrument.numbered([("Money", .centralBankMoney)])
        )
        ledger.declareTransactionRows(["Consumption", "Government expenditure", "Wages", "Taxes"])
    }

    /// One period: government buys 20 from firms, firms pay 80 wages, households consume 60 and pay 16 taxes.
    mutating func postPeriod() throws {
        try ledger.post(.transfer(row: "Government expenditure", payer: government, payee: firms, amount: 20, settlement: money))
        try ledger.post(.transfer(row: "Wages", payer: firms, payee: households, amount: 80, settlement: money))
        try ledger.post(.transfer(row: "Consumption", payer: households, payee: firms, amount: 60, settlement: money))
        try ledger.post(.transfer(row: "Taxes", payer: households, payee: government, amount: 16, settlement: money))
    }
}

/// Households, two firms (one builds capital goods) and a bank, with deposits, loans and tangible capital.
struct BankBook {
    let households = EntityID(0)
    let firm = EntityID(1)
    let builder = EntityID(2)
    let bank = EntityID(3)
    let deposits = InstrumentID(0)
    let loans = InstrumentID(1)
    let capital = InstrumentID(2)
    var ledger: Ledger

    init() throws {
        ledger = try Ledger(
            name: "BMW",
            entities: Entity.numbered([("Households", .household), ("Acme", .firm), ("Builder", .firm), ("First Bank", .bank)]),
            instruments: Instrument.numbered([("Deposits", .deposits), ("Loans", .loans), ("Tangible capital", .realCapital)])
        )
    }
}
