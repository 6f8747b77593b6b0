import OuroborosCore
import PropertyBased
import Testing

/// One randomly drawn posting; indices are reduced modulo the book's entity and instrument counts.
struct PostingDraw: Sendable, CustomStringConvertible {
    var form: Int
    var first: Int
    var second: Int
    var instrument: Int
    var settlement: Int
    /// A multiple of 1/64, so that every sum in the test is exact.
    var amount: Double
    var row: Int

    var description: String { "(\(form) \(first)→\(second) i\(instrument) s\(settlement) \(amount) r\(row))" }
}

/// A random economy: sectors of its entities, kinds of its instruments, seeds and postings per period.
struct RandomBook: Sendable, CustomStringConvertible {
    var sectors: [Sector]
    var extraKinds: [InstrumentKind]
    var seeds: [PostingDraw]
    var periods: [[PostingDraw]]

    static let rows = ["Consumption", "Wages", "Interest", "Investment", "Taxes", "Dividends"]

    var description: String { "sectors \(sectors.map(\.rawValue)), kinds \(extraKinds.map(\.rawValue)), seeds \(seeds), periods \(periods)" }

    /// Deposits first, then the drawn kinds, then tangible capital.
    var instruments: [Instrument] {
        let kinds = [InstrumentKind.deposits] + extraKinds + [.realCapital]
        return Instrument.numbered(kinds.enumerated().map { ("I\($0.offset) \($0.element.rawValue)", $0.element) })
    }

    func ledger() throws -> Ledger {
        try Ledger(
            name: "random", entities: Entity.numbered(sectors.enumerated().map { ("E\($0.offset)", $0.element) }),
            instruments: instruments)
    }

    /// The balanced posting a draw stands for.
    func posting(_ draw: PostingDraw) -> Posting {
        let instruments = instruments
        let financial = instruments.filter(\.isFinancial).map(\.id)
        let capital = instruments.last!.id
        let a = EntityID(draw.first % sectors.count)
        let b = EntityID(draw.second % sectors.count)
        let instrument = financial[draw.instrument % financial.count]
        let settlement = financial[draw.settlement % financial.count]
        let row = Self.rows[draw.row % Self.rows.count]
        switch draw.form % 5 {
        case 0: return .transfer(row: row, payer: a, payee: b, amount: draw.amount, settlement: settlement)
        case 1: return .financial(holder: a, issuer: b, instrument: instrument, amount: draw.amount, settlement: settlement)
        case 2: return .investment(row: "Investment", buyer: a, seller: b, amount: draw.amount, capital: capital, settlement: settlement)
        case 3: return .revaluation(holder: a, issuer: b, instrument: instrument, amount: draw.amount)
        default: return .revaluation(holder: a, issuer: nil, instrument: capital, amount: draw.amount)
        }
    }
}

enum Draws {
    static func posting() -> Generator<PostingDraw, some SendableSequenceType> {
        zip(
            Gen.int(in: 0...4), Gen.int(in: 0...63), Gen.int(in: 0...63), Gen.int(in: 0...7), Gen.int(in: 0...7),
            Gen.int(in: -1_000_000_000...1_000_000_000), Gen.int(in: 0...5)
        )
        .map { draw in
            PostingDraw(
                form: draw.0, first: draw.1, second: draw.2, instrument: draw.3, settlement: draw.4,
                amount: Double(draw.5) / 64, row: draw.6)
        }
    }

    static func book() -> Generator<RandomBook, some SendableSequenceType> {
        zip(
            Gen<Sector>.case.array(of: 1...7), Gen<InstrumentKind>.case.array(of: 0...4),
            posting().array(of: 0...6), posting().array(of: 0...8).array(of: 1...4)
        )
        .map { draw in
            RandomBook(sectors: draw.0, extraKinds: draw.1.filter(\.isFinancial), seeds: draw.2, periods: draw.3)
        }
    }

    /// 1–4 legs on financial instruments, some settling transaction rows, with amounts that are
    /// non-zero multiples of 1024: whatever fails to net is at least 1024, far above the 1e-9
    /// relative tolerance of the books drawn by `book()` (whose amounts stay below 2e7).
    static func legs() -> Generator<[PostingDraw], some SendableSequenceType> {
        zip(
            Gen.int(in: 0...1), Gen.int(in: 0...63), Gen.int(in: 0...7), Gen.int(in: 1...1000),
            Gen<Bool>.bool, Gen.int(in: 0...5)
        )
        .map { draw in
            PostingDraw(
                form: draw.0, first: draw.1, second: 0, instrument: draw.2, settlement: 0,
                amount: Double(draw.4 ? draw.3 : -draw.3) * 1024, row: draw.5)
        }
        .array(of: 1...4)
    }
}

@Suite("Ledger properties")
struct LedgerPropertyTests {
    @Test("random balanced postings keep both matrices closed and stocks consistent with flows, every period")
    func balancedPostingsConserve() async {
        await propertyCheck(count: 200, input: Draws.book()) { book in
            var ledger = try book.ledger()
            for draw in book.seeds { try ledger.seed(book.posting(draw)) }
            try expectClosed(ledger, period: 0)
            for postings in book.periods {
                let period = try ledger.beginPeriod()
                for draw in postings { try ledger.post(book.posting(draw)) }
                try ledger.closePeriod()
                try expectClosed(ledger, period: period)
            }
        }
    }

    @Test("a random unbalanced journal entry is always caught, in its period, naming one of its entities")
    func unbalancedEntryCaught() async {
        await propertyCheck(count: 200, input: Draws.book(), Draws.legs()) { book, legDraws in
            var ledger = try book.ledger()
            let financial = ledger.instruments.filter(\.isFinancial).map(\.id)
            let legs = legDraws.map { draw in
                JournalLeg(
                    entity: EntityID(draw.first % book.sectors.count), instrument: financial[draw.instrument % financial.count],
                    amount: draw.amount, row: draw.form == 0 ? nil : RandomBook.rows[draw.row])
            }
            let entry = JournalEntry(legs)
            guard !entry.isBalanced() else { return }
            for draw in book.seeds { try ledger.seed(book.posting(draw)) }
            let target = book.periods.count
            for (index, postings) in book.periods.enumerated() {
                try ledger.beginPeriod()
                for draw in postings { try ledger.post(book.posting(draw)) }
                if index + 1 == target { try ledger.post(entry) }
                try ledger.closePeriod()
            }
            let violation = ConservationCheck().firstViolation(in: ledger, period: target)
            #expect(violation?.period == target)
            let names = Set(legs.map { ledger.entities[$0.entity.index].qualifiedName })
            #expect(names.contains(violation?.imbalance.sector ?? "none"), "\(String(describing: violation)) should name one of \(names)")
            #expect(ConservationCheck().maxRelativeImbalance(in: ledger, period: target) > 1e-9)
        }
    }
}

/// Expects every identity of `period` to hold: the conservation check, both matrices under both
/// groupings, and ΔBS = −(TFM Δ row) + revaluations for every financial holding.
private func expectClosed(_ ledger: Ledger, period: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    #expect(ConservationCheck().firstViolation(in: ledger, period: period) == nil, sourceLocation: sourceLocation)
    for grouping in [MatrixColumnGrouping.bySector, .byEntity] {
        let balanceSheet = try ledger.balanceSheet(period: period, columns: grouping)
        let flows = try ledger.transactionsFlow(period: period, columns: grouping)
        #expect(balanceSheet.firstImbalance() == nil, "\(balanceSheet.rendered())", sourceLocation: sourceLocation)
        #expect(flows.firstImbalance() == nil, "\(flows.rendered())", sourceLocation: sourceLocation)
    }
    let record = try #require(ledger.record(period: period))
    let flows = try ledger.transactionsFlow(period: period, columns: .byEntity)
    var revaluations = [Double](repeating: 0, count: record.closing.count)
    for entry in record.entries {
        for leg in entry.legs where leg.flow == .revaluation {
            revaluations[leg.instrument.index * ledger.entityCount + leg.entity.index] += leg.amount
        }
    }
    for instrument in ledger.instruments where instrument.isFinancial {
        let row = try #require(flows.rows.firstIndex(of: Ledger.changeRow(instrument)))
        for entity in ledger.entities {
            let change = record.closing(entity.id, instrument.id) - record.opening(entity.id, instrument.id)
            let flow = -(flows.cells[row][entity.id.index] ?? 0)
            let revaluation = revaluations[instrument.id.index * ledger.entityCount + entity.id.index]
            #expect(change == flow + revaluation, "\(entity.name) \(instrument.name)", sourceLocation: sourceLocation)
        }
    }
}
