import Testing

@testable import OuroborosCore

@Suite("Conservation checks")
struct ConservationTests {
    @Test("an unbalanced journal entry is caught with its period, sector and row")
    func unbalancedEntry() throws {
        var book = try SIMBook()
        for period in 1...3 {
            try book.ledger.beginPeriod()
            try book.postPeriod()
            if period == 3 {
                try book.ledger.post(JournalEntry([JournalLeg(entity: book.households, instrument: book.money, amount: 5, row: "Wages")]))
            }
            try book.ledger.closePeriod()
        }
        #expect(ConservationCheck().firstViolation(in: book.ledger, period: 2) == nil)
        let violation = #expect(throws: SFCIdentityViolation.self) { try ConservationCheck().verify(book.ledger) }
        #expect(violation?.period == 3)
        #expect(violation?.model == "SIM")
        #expect(violation?.imbalance.kind == .balanceSheet)
        #expect(violation?.imbalance.sector == "Households")
        #expect(violation?.imbalance.row == "Money")
        #expect(violation?.imbalance.sum == 5)
        #expect(
            violation?.description
                == "SIM, period 3: accounting identity broken: balance-sheet matrix: row Money (first sector Households) sums to 5.0, expected 0")

        let report = ConservationCheck().report(for: book.ledger)
        #expect(!report.isConsistent)
        #expect(
            report.violations.contains {
                $0.imbalance.kind == .transactionsFlow && $0.imbalance.row == "Wages" && $0.imbalance.sector == "Households"
            })
        #expect(report.maxRelativeImbalance > 1e-9)
    }

    @Test("the culprit is the entity that posted the unbalanced leg, not the first holder")
    func culprit() throws {
        var book = try BankBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(.financial(holder: book.bank, issuer: book.firm, instrument: book.loans, amount: 100, settlement: book.deposits))
        try book.ledger.post(
            JournalEntry([
                JournalLeg(entity: book.builder, instrument: book.loans, amount: -7, row: nil),
                JournalLeg(entity: book.builder, instrument: book.deposits, amount: 7, row: nil),
            ]))
        let violation = try #require(ConservationCheck().firstViolation(in: book.ledger))
        #expect(violation.period == 1)
        #expect(violation.imbalance.sector == "Firms: Builder")
        #expect(violation.imbalance.row == "Deposits")
        let rows = ConservationCheck().report(for: book.ledger).violations.map(\.imbalance.row)
        #expect(rows == ["Deposits", "Loans", "Δ Deposits", "Δ Loans"])
    }

    @Test("a payment that is not received breaks its transactions-flow row")
    func unbalancedRow() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(
            JournalEntry([
                JournalLeg(entity: book.households, instrument: book.money, amount: -10, row: "Consumption"),
                JournalLeg(entity: book.firms, instrument: book.money, amount: 10, row: "Wages"),
            ]))
        let violation = try #require(ConservationCheck().firstViolation(in: book.ledger))
        #expect(violation.imbalance.kind == .transactionsFlow)
        #expect(violation.imbalance.row == "Consumption")
        #expect(violation.imbalance.sector == "Households")
        #expect(violation.imbalance.sum == -10)
    }

    @Test("a portfolio change without a counterpart breaks its column")
    func unbalancedColumn() throws {
        var book = try BankBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(
            JournalEntry([
                JournalLeg(entity: book.households, instrument: book.deposits, amount: 10, row: nil),
                JournalLeg(entity: book.firm, instrument: book.deposits, amount: -10, row: "Wages"),
                JournalLeg(entity: book.households, instrument: book.deposits, amount: 10, row: "Wages"),
                JournalLeg(entity: book.firm, instrument: book.deposits, amount: -10, row: nil),
            ]))
        let violation = try #require(ConservationCheck().firstViolation(in: book.ledger))
        #expect(violation.imbalance.row == "column total")
        #expect(violation.imbalance.sector == "Households")
        #expect(violation.description.contains("sector Households column sums to -10.0"))
    }

    @Test("a stock that changes without a posting breaks stock-flow consistency")
    func stockFlow() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.postPeriod()
        book.ledger.holdings[book.firms.index] += 1
        book.ledger.holdings[book.government.index] -= 1
        let violation = try #require(ConservationCheck().firstViolation(in: book.ledger))
        #expect(violation.imbalance.row == "Money: closing − opening − flows")
        #expect(violation.imbalance.sector == "Firms")
        #expect(violation.imbalance.sum == 1)
        #expect(throws: SFCIdentityViolation.self) { try book.ledger.closePeriod(verifying: ConservationCheck()) }
        #expect(book.ledger.currentPeriod == 1)
    }

    @Test("NaN and infinity are refused at posting, naming period, entity and row")
    func nonFiniteRejected() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.postPeriod()
        try book.ledger.closePeriod()
        try book.ledger.beginPeriod()
        let error = #expect(throws: LedgerError.self) {
            try book.ledger.post(.transfer(row: "Consumption", payer: book.households, payee: book.firms, amount: .nan, settlement: book.money))
        }
        #expect(error?.description == "period 2: amount nan posted to Households, row Consumption, instrument Money is not a finite number")
        guard case .nonFiniteAmount(let period, let entity, let row, let instrument, _)? = error else {
            Issue.record("expected nonFiniteAmount, got \(String(describing: error))")
            return
        }
        #expect(period == 2 && entity == "Households" && row == "Consumption" && instrument == "Money")
        let infinite = #expect(throws: LedgerError.self) {
            try book.ledger.post(JournalEntry([JournalLeg(entity: book.firms, instrument: book.money, amount: -.infinity, row: nil)]))
        }
        #expect(infinite?.description.contains("amount -inf posted to Firms, row Δ Money") == true)
        #expect(book.ledger.record(period: 2)?.legCount == 0)
        #expect(book.ledger[book.households, book.money] == 4)
        let seeded = #expect(throws: LedgerError.self) {
            var fresh = try SIMBook()
            try fresh.ledger.seed(.revaluation(holder: fresh.households, issuer: nil, instrument: fresh.money, amount: .infinity))
        }
        #expect(seeded?.description.hasPrefix("opening balances: amount inf posted to Households, row revaluation of Money") == true)
    }

    @Test("a non-finite stock is reported and makes the imbalance infinite")
    func nonFiniteStock() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.postPeriod()
        book.ledger.holdings[book.households.index] = .nan
        let violation = try #require(ConservationCheck().firstViolation(in: book.ledger))
        #expect(violation.imbalance.sum.isNaN)
        #expect(violation.imbalance.row == "Money (closing)")
        #expect(violation.imbalance.sector == "Households")
        #expect(violation.description.contains("value is nan"))
        #expect(ConservationCheck().maxRelativeImbalance(in: book.ledger) == .infinity)
    }

    @Test("rounding left by large offsetting payments is not an error, a small unbalanced leg later is")
    func tolerance() throws {
        var book = try SIMBook()
        try book.ledger.beginPeriod()
        try book.ledger.post(.transfer(row: "Wages", payer: book.government, payee: book.households, amount: 1e15, settlement: book.money))
        try book.ledger.post(.transfer(row: "Taxes", payer: book.households, payee: book.government, amount: 1e15 - 0.1, settlement: book.money))
        try book.ledger.post(.transfer(row: "Consumption", payer: book.households, payee: book.firms, amount: 0.1 + 0.2, settlement: book.money))
        try book.ledger.closePeriod()
        #expect(ConservationCheck().firstViolation(in: book.ledger) == nil)
        #expect(ConservationCheck().maxRelativeImbalance(in: book.ledger) <= 1e-9)
        try book.ledger.beginPeriod()
        try book.ledger.post(JournalEntry([JournalLeg(entity: book.firms, instrument: book.money, amount: 1e-3, row: nil)]))
        try book.ledger.closePeriod()
        #expect(ConservationCheck().firstViolation(in: book.ledger)?.imbalance.row == "Money")
    }
}
