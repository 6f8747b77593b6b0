import OuroborosCore
import Testing

@testable import OuroborosEngine

@Suite("Books: money is created by bank lending and destroyed by repayment")
struct BooksTests {
    func books() throws -> Books {
        let entities = Entity.numbered([("Bank", .bank), ("Cloud", .hyperscaler), ("Households", .household)])
        let ledger = try Ledger(name: "books", entities: entities, instruments: ChartOfAccounts.instruments)
        return Books(ledger: ledger, ids: ["bank", "cloud", "households"], tracing: true)
    }

    @Test("a bank loan creates deposits, a repayment destroys them, a payment moves them")
    func moneyCreation() throws {
        var books = try books()
        try books.seed(holder: 2, issuer: 0, books.chart.deposits, amount: 50, variable: "cash")
        try books.beginPeriod()
        let before = books.ledger.outstanding(books.chart.deposits)
        try books.acquire(holder: 0, issuer: 1, books.chart.loans, amount: 100, variable: "loan")
        #expect(books.ledger.outstanding(books.chart.deposits) == before + 100)
        #expect(books.cash(1) == 100)
        try books.pay(.cloudServices, from: 2, to: 1, amount: 20)
        #expect(books.ledger.outstanding(books.chart.deposits) == before + 100)
        #expect(books.revenue[1] == 20)
        try books.acquire(holder: 0, issuer: 1, books.chart.loans, amount: -60, variable: "repayment")
        #expect(books.ledger.outstanding(books.chart.deposits) == before + 40)
        #expect(books.holding(1, books.chart.loans) == -40)
        #expect(ConservationCheck().firstViolation(in: books.ledger) == nil)
        #expect(books.edges.map(\.from) == [0, 2, 1] && books.edges.map(\.to) == [1, 1, 0])
    }

    @Test("a crypto trade is paid on its own transactions-flow row and keeps every column closed")
    func cryptoTrade() throws {
        var books = try books()
        try books.seed(holder: 2, issuer: 0, books.chart.deposits, amount: 50, variable: "cash")
        try books.seed(holder: 1, issuer: nil, books.chart.crypto, amount: 30, variable: "crypto")
        try books.beginPeriod()
        try books.tradeCrypto(buyer: 2, seller: 1, amount: 30)
        #expect(books.cash(1) == 30 && books.holding(2, books.chart.crypto) == 30)
        #expect(ConservationCheck().firstViolation(in: books.ledger) == nil)
    }

    @Test("a non-finite amount is refused naming the entity and the variable")
    func nonFinite() throws {
        var books = try books()
        try books.beginPeriod()
        let error = #expect(throws: EngineError.self) { try books.pay(.wages, from: 1, to: 2, amount: .nan) }
        guard case .nonFinite(let period, let entity, let variable)? = error else { return }
        #expect(period == 1 && entity == "cloud" && variable == "Wages & opex")
    }
}
