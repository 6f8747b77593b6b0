import OuroborosCore
import Testing

@Suite("Double-entry ledger")
struct LedgerTests {
    @Test("a SIM period: government spends, households consume and pay taxes; matrices close with exact cells")
    func simPeriod() throws {
        var book = try SIMBook()
        #expect(try book.ledger.beginPeriod() == 1)
        try book.postPeriod()
        #expect(try book.ledger.closePeriod() == 1)

        let balanceSheet = try book.ledger.balanceSheet(period: 1)
        #expect(
            balanceSheet
                == SFCMatrix(
                    kind: .balanceSheet, title: "SIM, period 1", columns: ["Households", "Firms", "Government"],
                    rows: ["Money", "Net worth"], cells: [[4, nil, -4], [-4, nil, 4]], exemptRows: ["Net worth"]))
        let flows = try book.ledger.transactionsFlow(period: 1)
        #expect(
            flows
                == SFCMatrix(
                    kind: .transactionsFlow, title: "SIM, period 1", columns: ["Households", "Firms", "Government"],
                    rows: ["Consumption", "Government expenditure", "Wages", "Taxes", "Δ Money"],
                    cells: [[-60, 60, nil], [nil, 20, -20], [80, -80, nil], [-16, nil, 16], [-4, nil, 4]]))
        #expect(balanceSheet.firstImbalance() == nil)
        #expect(flows.firstImbalance() == nil)
        let report = ConservationCheck().report(for: book.ledger, period: 1)
        #expect(report.isConsistent)
        #expect(report.maxRelativeImbalance == 0)
    }

    @Test("stocks carry over: the second period opens where the first closed")
    func secondPeriod() throws {
        var book = try SIMBook()
        for _ in 1...2 {
            try book.ledger.beginPeriod()
            try book.postPeriod()
            try book.ledger.closePeriod()
        }
        let record = try #require(book.ledger.record(period: 2))
        #expect(record.opening(book.households, book.money) == 4)
        #expect(record.closing(book.households, book.money) == 8)
        #expect(record.closing(book.government, book.money) == -8)
        #expect(record.entryCount == 4 && record.legCount == 8)
        #expect(try book.ledger.balanceSheet(period: 2).cells == [[8, nil, -8], [-8, nil, 8]])
        #expect(try book.ledger.balanceSheet().title == "SIM, period 2")
        #expect(book.ledger.netWorth(of: book.households) == 8)
        #expect(book.ledger.recordedPeriods == [0, 1, 2])
        #expect(ConservationCheck().firstViolation(in: book.ledger) == nil)
    }

    @Test("bank lending creates deposits and repayment destroys them")
    func lendingCreatesMoney() throws {
        var book = try BankBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(.financial(holder: book.bank, issuer: book.firm, instrument: book.loans, amount: 100, settlement: book.deposits))
        #expect(book.ledger.outstanding(book.deposits) == 100)
        #expect(book.ledger[book.firm, book.deposits] == 100)
        #expect(book.ledger[book.bank, book.deposits] == -100)
        try book.ledger.post(.transfer(row: "Wages", payer: book.firm, payee: book.households, amount: 30, settlement: book.deposits))
        try book.ledger.closePeriod()

        let flows = try book.ledger.transactionsFlow(period: 1, columns: .byEntity)
        #expect(flows.columns == ["Households", "Acme", "Builder", "First Bank"])
        #expect(flows.rows == ["Wages", "Δ Deposits", "Δ Loans"])
        #expect(flows.cells == [[30, -30, nil, nil], [-30, -70, nil, 100], [nil, 100, nil, -100]])
        #expect(flows.firstImbalance() == nil)
        let balanceSheet = try book.ledger.balanceSheet(period: 1)
        #expect(balanceSheet.columns == ["Households", "Firms", "Banks"])
        #expect(balanceSheet.rows == ["Deposits", "Loans", "Tangible capital", "Net worth"])
        #expect(balanceSheet.cells == [[30, 70, -100], [nil, -100, 100], [nil, nil, nil], [-30, 30, nil]])

        try book.ledger.beginPeriod()
        try book.ledger.post(.transfer(row: "Consumption", payer: book.households, payee: book.firm, amount: 30, settlement: book.deposits))
        try book.ledger.post(.transfer(row: "Interest on loans", payer: book.firm, payee: book.bank, amount: 5, settlement: book.deposits))
        try book.ledger.post(.financial(holder: book.bank, issuer: book.firm, instrument: book.loans, amount: -45, settlement: book.deposits))
        try book.ledger.post(.redemption(holder: book.bank, issuer: book.firm, instrument: book.loans, amount: 50, settlement: book.deposits))
        try book.ledger.closePeriod()
        #expect(book.ledger.outstanding(book.deposits) == 0)
        #expect(book.ledger[book.bank, book.loans] == 5)
        #expect(book.ledger.netWorth(of: book.bank) == 5)
        let repaid = try book.ledger.transactionsFlow(period: 2, columns: .byEntity)
        #expect(repaid.rows == ["Consumption", "Interest on loans", "Δ Deposits", "Δ Loans"])
        #expect(repaid.cells == [[-30, 30, nil, nil], [nil, -5, nil, 5], [30, 70, nil, -100], [nil, -95, nil, 95]])
        #expect(ConservationCheck().firstViolation(in: book.ledger) == nil)
    }

    @Test("investment buys real capital: the payment is a flow, the capital only a stock")
    func investment() throws {
        var book = try BankBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(.financial(holder: book.bank, issuer: book.firm, instrument: book.loans, amount: 40, settlement: book.deposits))
        try book.ledger.post(
            .investment(row: "Investment", buyer: book.firm, seller: book.builder, amount: 40, capital: book.capital, settlement: book.deposits))
        try book.ledger.closePeriod()
        let balanceSheet = try book.ledger.balanceSheet(columns: .byEntity)
        #expect(balanceSheet.cells == [[nil, nil, 40, -40], [nil, -40, nil, 40], [nil, 40, nil, nil], [nil, nil, -40, nil]])
        #expect(balanceSheet.exemptRows == ["Tangible capital", "Net worth"])
        #expect(balanceSheet.firstImbalance() == nil)
        let flows = try book.ledger.transactionsFlow(columns: .byEntity)
        #expect(flows.rows == ["Investment", "Δ Deposits", "Δ Loans"])
        #expect(flows.cells == [[nil, -40, 40, nil], [nil, nil, -40, 40], [nil, 40, nil, -40]])
        #expect(flows.firstImbalance() == nil)
        #expect(ConservationCheck().firstViolation(in: book.ledger) == nil)
    }

    @Test("revaluations change stocks and net worth but not flows")
    func revaluation() throws {
        var ledger = try Ledger(
            name: "equity",
            entities: Entity.numbered([("Fund", .ventureFund), ("Lab", .modelLab)]),
            instruments: Instrument.numbered([("Deposits", .deposits), ("Equity", .equity)]))
        let fund = EntityID(0)
        let lab = EntityID(1)
        let deposits = InstrumentID(0)
        let equity = InstrumentID(1)
        try ledger.seed(.transfer(row: "Endowment", payer: lab, payee: fund, amount: 10, settlement: deposits))
        try ledger.beginPeriod()
        try ledger.post(.financial(holder: fund, issuer: lab, instrument: equity, amount: 10, settlement: deposits))
        try ledger.post(.revaluation(holder: fund, issuer: lab, instrument: equity, amount: 15))
        try ledger.closePeriod()
        #expect(ledger[fund, equity] == 25)
        #expect(ledger.netWorth(of: fund) == 25)
        let flows = try ledger.transactionsFlow()
        #expect(flows.rows == ["Δ Deposits", "Δ Equity"])
        #expect(flows.cells == [[10, -10], [-10, 10]])
        #expect(try ledger.balanceSheet().cells == [[nil, nil], [25, -25], [-25, 25]])
        #expect(ConservationCheck().firstViolation(in: ledger) == nil)
    }

    @Test("opening balances are seeded before the first period and form period 0")
    func seeding() throws {
        var book = try BankBook()
        try book.ledger.seed(.financial(holder: book.bank, issuer: book.firm, instrument: book.loans, amount: 100, settlement: book.deposits))
        #expect(book.ledger.latestPeriod == 0)
        #expect(try book.ledger.balanceSheet(period: 0).cells[0] == [nil, 100, -100])
        try book.ledger.beginPeriod()
        #expect(book.ledger.record(period: 1)?.opening(book.firm, book.deposits) == 100)
        #expect(throws: LedgerError.self) { try book.ledger.seed(JournalEntry([])) }
        #expect(ConservationCheck().firstViolation(in: book.ledger, period: 0) == nil)
    }

    @Test("the period protocol is enforced")
    func periodProtocol() throws {
        var book = try SIMBook()
        let noPeriod = #expect(throws: LedgerError.self) { try book.postPeriod() }
        #expect(noPeriod?.description == "cannot post: no period is open (call beginPeriod() first)")
        #expect(throws: LedgerError.self) { try book.ledger.closePeriod() }
        try book.ledger.beginPeriod()
        let twice = #expect(throws: LedgerError.self) { try book.ledger.beginPeriod() }
        #expect(twice?.description.contains("period 1 is still open") == true)
        #expect(throws: LedgerError.self) {
            try book.ledger.post(.transfer(row: "X", payer: EntityID(7), payee: book.firms, amount: 1, settlement: book.money))
        }
        #expect(throws: LedgerError.self) {
            try book.ledger.post(.transfer(row: "X", payer: book.firms, payee: book.households, amount: 1, settlement: InstrumentID(3)))
        }
        #expect(book.ledger.record(period: 9) == nil)
        let missing = #expect(throws: LedgerError.self) { try book.ledger.balanceSheet(period: 9) }
        #expect(missing?.description == "period 9 is not recorded in this ledger")
    }

    @Test("real capital cannot settle payments nor be acquired as a financial claim")
    func realAssetRules() throws {
        var book = try BankBook()
        try book.ledger.beginPeriod()
        let settle = #expect(throws: LedgerError.self) {
            try book.ledger.post(.transfer(row: "Barter", payer: book.firm, payee: book.builder, amount: 1, settlement: book.capital))
        }
        #expect(settle?.description.contains("Tangible capital cannot be the settlement instrument") == true)
        #expect(throws: LedgerError.self) {
            try book.ledger.post(.financial(holder: book.firm, issuer: book.builder, instrument: book.capital, amount: 1, settlement: book.deposits))
        }
        let row = #expect(throws: LedgerError.self) {
            try book.ledger.post(JournalEntry([JournalLeg(entity: book.firm, instrument: book.capital, amount: 1, row: "Investment")]))
        }
        #expect(row?.description.contains("period 1: Firms: Acme posted row Investment on real asset Tangible capital") == true)
        #expect(book.ledger.record(period: 1)?.legCount == 0)
    }

    @Test("a history limit keeps the latest closed periods and the initial state")
    func historyLimit() throws {
        var book = try SIMBook()
        book.ledger.historyLimit = 2
        for _ in 1...5 {
            try book.ledger.beginPeriod()
            try book.postPeriod()
            try book.ledger.closePeriod()
        }
        #expect(book.ledger.recordedPeriods == [0, 4, 5])
        #expect(try book.ledger.balanceSheet(period: 5).cells[0] == [20, nil, -20])
        #expect(book.ledger.record(period: 3) == nil)
    }

    @Test("posted entries can be read back in order")
    func entries() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(.transfer(row: "Taxes", payer: book.households, payee: book.government, amount: 3, settlement: book.money))
        let entries = try #require(book.ledger.record(period: 1)).entries
        #expect(
            entries == [
                Posting.transfer(row: "Taxes", payer: book.households, payee: book.government, amount: 3, settlement: book.money).journalEntry
            ])
        #expect(entries[0].isBalanced())
        #expect(!JournalEntry([JournalLeg(entity: book.households, instrument: book.money, amount: 1, row: nil)]).isBalanced())
    }
}
