/// The double-entry book of a model: every entity's holding of every instrument, the legs posted
/// period by period, and the opening and closing state of each period.
///
/// Holdings live in one flat array, `holdings[instrument * entityCount + entity]`, signed: assets
/// `+`, liabilities `-`. Each period starts with `beginPeriod()` and ends with `closePeriod()`;
/// postings are only accepted in between. Opening balances can be `seed`ed before the first period;
/// they form the record of period `firstPeriod - 1`, the initial state. NaN and infinite amounts,
/// unknown ids and payment rows on real assets are refused when posted, and nothing is applied.
public struct Ledger: Sendable {
    /// The model or scenario name, used in matrix titles and errors.
    public var name: String
    /// The entities, `entities[i].id.index == i`.
    public let entities: [Entity]
    /// The instruments, `instruments[i].id.index == i`.
    public let instruments: [Instrument]
    /// The number of the first period (period `firstPeriod - 1` is the initial state).
    public let firstPeriod: Int
    /// How many closed periods to keep (all when `nil`); the initial state is always kept.
    public var historyLimit: Int?
    /// Current holdings, `holdings[instrument * entityCount + entity]`.
    public internal(set) var holdings: [Double]
    /// Whether each instrument is financial (one's asset, another's liability), read on every leg.
    private let isFinancial: [Bool]

    /// Cumulative gross amounts posted per instrument (the scale of its zero-sum check).
    private(set) var turnover: [Double]
    /// Transaction-row names in order of first use or declaration.
    private(set) var rowNames: [String] = []
    private var rowCodes: [String: Int] = [:]
    /// Rows declared to appear in every transactions-flow matrix.
    private(set) var declaredRows: Set<Int> = []
    private(set) var initial: PeriodStore
    private(set) var closed: [PeriodStore] = []
    /// The open period's store while a period is open; between periods, the buffers the next one reuses.
    private var current = PeriodStore(period: 0, opening: [], closing: [], turnover: [], journal: Journal())
    /// The number of the period now open, nil between periods.
    private var openNumber: Int?
    private var nextPeriod: Int

    /// A ledger over `entities` and `instruments` with every holding zero.
    ///
    /// Throws when ids are not `0, 1, 2, …` in order or when two entities or two instruments share a name.
    public init(name: String = "ledger", entities: [Entity], instruments: [Instrument], firstPeriod: Int = 1, historyLimit: Int? = nil)
        throws(LedgerError)
    {
        for (index, entity) in entities.enumerated() where entity.id.index != index {
            throw .invalidChart("entity \(entity.name) has index \(entity.id.index), expected \(index)")
        }
        for (index, instrument) in instruments.enumerated() where instrument.id.index != index {
            throw .invalidChart("instrument \(instrument.name) has index \(instrument.id.index), expected \(index)")
        }
        if let name = Self.firstDuplicate(entities.map(\.name)) { throw .invalidChart("two entities are named \(name)") }
        if let name = Self.firstDuplicate(instruments.map(\.name)) { throw .invalidChart("two instruments are named \(name)") }
        self.name = name
        self.entities = entities
        self.instruments = instruments
        self.isFinancial = instruments.map(\.isFinancial)
        self.firstPeriod = firstPeriod
        self.historyLimit = historyLimit
        let zeros = [Double](repeating: 0, count: entities.count * instruments.count)
        self.holdings = zeros
        self.turnover = [Double](repeating: 0, count: instruments.count)
        self.initial = PeriodStore(period: firstPeriod - 1, opening: zeros, closing: zeros, turnover: turnover, journal: Journal())
        self.nextPeriod = firstPeriod
    }

    private static func firstDuplicate(_ names: [String]) -> String? {
        var seen: Set<String> = []
        return names.first { !seen.insert($0).inserted }
    }

    /// The number of entities (columns of the per-entity matrices).
    public var entityCount: Int { entities.count }

    /// The number of instruments.
    public var instrumentCount: Int { instruments.count }

    /// The current holding of `instrument` by `entity` (asset `+`, liability `-`).
    public subscript(entity: EntityID, instrument: InstrumentID) -> Double {
        holdings[instrument.index * entities.count + entity.index]
    }

    /// The entity called `name`, if any.
    public func entity(named name: String) -> Entity? {
        entities.first { $0.name == name }
    }

    /// The instrument called `name`, if any.
    public func instrument(named name: String) -> Instrument? {
        instruments.first { $0.name == name }
    }

    /// The period now open, if any.
    public var currentPeriod: Int? { openNumber }

    /// The latest period with a record: the open one, else the last closed one, else the initial state.
    public var latestPeriod: Int { openNumber ?? closed.last?.period ?? initial.period }

    /// Every period whose record is available, oldest first (the initial state included).
    public var recordedPeriods: [Int] {
        [initial.period] + closed.map(\.period) + (openNumber.map { [$0] } ?? [])
    }

    /// Transaction-row names, in the order they were declared or first posted.
    public var transactionRows: [String] { rowNames }

    /// Declares transaction rows so that they appear, in this order, in every transactions-flow
    /// matrix even in periods without postings on them.
    public mutating func declareTransactionRows(_ rows: [String]) {
        for row in rows { declaredRows.insert(rowCode(for: row)) }
    }

    /// Adds an entry to the opening balances (the initial state); only before the first period begins.
    public mutating func seed(_ entry: JournalEntry) throws(LedgerError) {
        guard nextPeriod == firstPeriod, openNumber == nil else { throw .seedingAfterStart }
        try validate(entry.legs, period: nil)
        apply(entry.legs, seeding: true)
    }

    /// Adds a posting to the opening balances (the initial state); only before the first period begins.
    public mutating func seed(_ posting: Posting) throws(LedgerError) {
        guard nextPeriod == firstPeriod, openNumber == nil else { throw .seedingAfterStart }
        try post(posting, seeding: true)
    }

    /// Opens the next period (the first is `firstPeriod`) and returns its number.
    ///
    /// The period's store reuses the buffers of the one before when that was kept nowhere (see
    /// `historyLimit`), so a ledger that keeps no history allocates nothing per period once warmed up.
    @discardableResult
    public mutating func beginPeriod() throws(LedgerError) -> Int {
        if let openNumber { throw .periodAlreadyOpen(openNumber) }
        let period = nextPeriod
        if period == firstPeriod {
            initial.closing = holdings
            initial.turnover = turnover
        }
        current.period = period
        if current.opening.count == holdings.count {
            current.opening.withUnsafeMutableBufferPointer { opening in
                holdings.withUnsafeBufferPointer { now in
                    for cell in now.indices { opening[cell] = now[cell] }
                }
            }
        } else {
            current.opening = holdings.map { $0 }
        }
        current.closing = []
        current.turnover = []
        current.journal.removeAll()
        openNumber = period
        nextPeriod += 1
        return period
    }

    /// Closes the open period, recording its closing holdings, and returns its number.
    @discardableResult
    public mutating func closePeriod() throws(LedgerError) -> Int {
        guard let period = openNumber else { throw .noOpenPeriod(operation: "close a period") }
        openNumber = nil
        let limit = historyLimit.map { max(0, $0) }
        // Kept nowhere: the store's buffers serve the next period.
        guard limit != 0 else { return period }
        var store = current
        store.closing = holdings
        store.turnover = turnover
        closed.append(store)
        if let limit, closed.count > limit {
            closed.removeFirst(closed.count - limit)
        }
        return period
    }

    /// Checks the open period with `check` and closes it; throws the first broken identity instead.
    @discardableResult
    public mutating func closePeriod(verifying check: ConservationCheck) throws -> Int {
        guard let period = openNumber else { throw LedgerError.noOpenPeriod(operation: "close a period") }
        try check.verify(self, period: period)
        return try closePeriod()
    }

    /// Posts a transaction in the open period.
    public mutating func post(_ posting: Posting) throws(LedgerError) {
        try post(posting, seeding: false)
    }

    /// Posts an entry of arbitrary legs in the open period (balanced or not: see `ConservationCheck`).
    public mutating func post(_ entry: JournalEntry) throws(LedgerError) {
        guard let period = openNumber else { throw .noOpenPeriod(operation: "post") }
        try validate(entry.legs, period: period)
        apply(entry.legs, seeding: false)
    }

    /// The code of transaction row `row`, assigned in order of first use (or declaration): the
    /// `transfer` and `investment` postings below take it instead of the name, which spares a lookup
    /// on every posting of a hot loop. Asking for a code does not declare the row (see `declareTransactionRows`).
    public mutating func code(ofRow row: String) -> TransactionRowCode {
        TransactionRowCode(rowCode(for: row))
    }

    /// `payer` pays `payee` `amount` on the row coded `row`, settled in `settlement`: `Posting.transfer` by row code.
    public mutating func transfer(_ row: TransactionRowCode, payer: EntityID, payee: EntityID, amount: Double, settlement: InstrumentID)
        throws(LedgerError)
    {
        try requireFinancial(settlement, role: "settlement instrument")
        let period = try openPeriod()
        try check(payer.index, settlement.index, -amount, code: row.value, period: period)
        try check(payee.index, settlement.index, amount, code: row.value, period: period)
        let journal = beginEntry(seeding: false)
        appendLeg(payer.index, settlement.index, -amount, code: row.value, journal)
        appendLeg(payee.index, settlement.index, amount, code: row.value, journal)
    }

    /// `holder` acquires `amount` of `instrument` issued by `issuer`, paying in `settlement`: `Posting.financial`.
    public mutating func financial(holder: EntityID, issuer: EntityID, instrument: InstrumentID, amount: Double, settlement: InstrumentID)
        throws(LedgerError)
    {
        try requireFinancial(instrument, role: "instrument acquired")
        try requireFinancial(settlement, role: "settlement instrument")
        let period = try openPeriod()
        try postFinancial(holder: holder, issuer: issuer, instrument: instrument, amount: amount, settlement: settlement, period: period)
    }

    /// `buyer` pays `seller` `amount` on the row coded `row` and adds it to real `capital`: `Posting.investment` by row code.
    public mutating func investment(
        _ row: TransactionRowCode, buyer: EntityID, seller: EntityID, amount: Double, capital: InstrumentID, settlement: InstrumentID
    ) throws(LedgerError) {
        try requireFinancial(settlement, role: "settlement instrument")
        try requireReal(capital)
        let period = try openPeriod()
        try postInvestment(row.value, buyer: buyer, seller: seller, amount: amount, capital: capital, settlement: settlement, period: period)
    }

    /// A holding gain or loss of `amount` for `holder` on `instrument` (the issuer's liability moves with it): `Posting.revaluation`.
    public mutating func revaluation(holder: EntityID, issuer: EntityID?, instrument: InstrumentID, amount: Double) throws(LedgerError) {
        let period = try openPeriod()
        try postRevaluation(holder: holder, issuer: issuer, instrument: instrument, amount: amount, period: period, seeding: false)
    }

    /// The record of `period`: opening and closing holdings and the entries posted, or `nil`
    /// when the period was never recorded or has been dropped from the history.
    public func record(period: Int) -> LedgerPeriod? {
        if let openNumber, openNumber == period {
            var store = current
            store.closing = holdings
            store.turnover = turnover
            return LedgerPeriod(store: store, isClosed: false, entityCount: entities.count, rowNames: rowNames)
        }
        if period == initial.period {
            var store = initial
            let seeding = nextPeriod == firstPeriod
            if seeding {
                store.closing = holdings
                store.turnover = turnover
            }
            return LedgerPeriod(store: store, isClosed: !seeding, entityCount: entities.count, rowNames: rowNames)
        }
        guard let first = closed.first, period >= first.period, period - first.period < closed.count else { return nil }
        return LedgerPeriod(store: closed[period - first.period], isClosed: true, entityCount: entities.count, rowNames: rowNames)
    }

    /// The current net worth of `entity`: the sum of its holdings (real capital included).
    public func netWorth(of entity: EntityID) -> Double {
        var total = 0.0
        for instrument in 0..<instruments.count { total += holdings[instrument * entities.count + entity.index] }
        return total
    }

    /// The amount of `instrument` outstanding: the sum of the positive holdings (e.g. money supply for deposits).
    public func outstanding(_ instrument: InstrumentID) -> Double {
        let base = instrument.index * entities.count
        return (0..<entities.count).reduce(0) { $0 + max(0, holdings[base + $1]) }
    }

    // MARK: - Posting machinery

    private mutating func rowCode(for row: String) -> Int {
        if let code = rowCodes[row] { return code }
        rowNames.append(row)
        rowCodes[row] = rowNames.count - 1
        return rowNames.count - 1
    }

    private static let financialKinds = "a financial instrument (deposits, central-bank money, bonds, loans, equity, private credit)"

    private func openPeriod() throws(LedgerError) -> Int {
        guard let period = openNumber else { throw .noOpenPeriod(operation: "post") }
        return period
    }

    @inline(__always)
    private func requireFinancial(_ id: InstrumentID, role: @autoclosure () -> String) throws(LedgerError) {
        guard instruments.indices.contains(id.index) else { throw .unknownInstrument(id) }
        guard isFinancial[id.index] else {
            throw .wrongInstrumentKind(instrument: instruments[id.index].name, role: role(), expected: Self.financialKinds)
        }
    }

    /// Posts `posting` in the open period, or into the opening balances when `seeding`: every posting
    /// goes through the same checks and leg order as its `journalEntry`.
    private mutating func post(_ posting: Posting, seeding: Bool) throws(LedgerError) {
        switch posting {
        case .transfer(let row, let payer, let payee, let amount, let settlement):
            try requireFinancial(settlement, role: "settlement instrument")
            let period: Int? = seeding ? nil : try openPeriod()
            try check(payer.index, settlement.index, -amount, row: row, period: period)
            try check(payee.index, settlement.index, amount, row: row, period: period)
            let code = rowCode(for: row)
            let journal = beginEntry(seeding: seeding)
            appendLeg(payer.index, settlement.index, -amount, code: code, journal)
            appendLeg(payee.index, settlement.index, amount, code: code, journal)
        case .financial(let holder, let issuer, let instrument, let amount, let settlement):
            try requireFinancial(instrument, role: "instrument acquired")
            try requireFinancial(settlement, role: "settlement instrument")
            let period: Int? = seeding ? nil : try openPeriod()
            try postFinancial(holder: holder, issuer: issuer, instrument: instrument, amount: amount, settlement: settlement, period: period)
        case .investment(let row, let buyer, let seller, let amount, let capital, let settlement):
            try requireFinancial(settlement, role: "settlement instrument")
            try requireReal(capital)
            let period: Int? = seeding ? nil : try openPeriod()
            try check(buyer.index, settlement.index, -amount, row: row, period: period)
            try check(seller.index, settlement.index, amount, row: row, period: period)
            try check(buyer.index, capital.index, amount, code: Journal.portfolioRow, period: period)
            let code = rowCode(for: row)
            let journal = beginEntry(seeding: seeding)
            appendLeg(buyer.index, settlement.index, -amount, code: code, journal)
            appendLeg(seller.index, settlement.index, amount, code: code, journal)
            appendLeg(buyer.index, capital.index, amount, code: Journal.portfolioRow, journal)
        case .revaluation(let holder, let issuer, let instrument, let amount):
            let period: Int? = seeding ? nil : try openPeriod()
            try postRevaluation(holder: holder, issuer: issuer, instrument: instrument, amount: amount, period: period, seeding: seeding)
        }
    }

    private func requireReal(_ capital: InstrumentID) throws(LedgerError) {
        guard instruments.indices.contains(capital.index) else { throw .unknownInstrument(capital) }
        guard !isFinancial[capital.index] else {
            throw .wrongInstrumentKind(instrument: instruments[capital.index].name, role: "capital acquired", expected: "real capital")
        }
    }

    /// The four legs of `Posting.financial`, checked, then applied (to the opening balances when `period` is nil).
    private mutating func postFinancial(
        holder: EntityID, issuer: EntityID, instrument: InstrumentID, amount: Double, settlement: InstrumentID, period: Int?
    ) throws(LedgerError) {
        let portfolio = Journal.portfolioRow
        try check(holder.index, instrument.index, amount, code: portfolio, period: period)
        try check(issuer.index, instrument.index, -amount, code: portfolio, period: period)
        try check(holder.index, settlement.index, -amount, code: portfolio, period: period)
        try check(issuer.index, settlement.index, amount, code: portfolio, period: period)
        let journal = beginEntry(seeding: period == nil)
        appendLeg(holder.index, instrument.index, amount, code: portfolio, journal)
        appendLeg(issuer.index, instrument.index, -amount, code: portfolio, journal)
        appendLeg(holder.index, settlement.index, -amount, code: portfolio, journal)
        appendLeg(issuer.index, settlement.index, amount, code: portfolio, journal)
    }

    private mutating func postInvestment(
        _ code: Int, buyer: EntityID, seller: EntityID, amount: Double, capital: InstrumentID, settlement: InstrumentID, period: Int
    ) throws(LedgerError) {
        try check(buyer.index, settlement.index, -amount, code: code, period: period)
        try check(seller.index, settlement.index, amount, code: code, period: period)
        try check(buyer.index, capital.index, amount, code: Journal.portfolioRow, period: period)
        let journal = beginEntry(seeding: false)
        appendLeg(buyer.index, settlement.index, -amount, code: code, journal)
        appendLeg(seller.index, settlement.index, amount, code: code, journal)
        appendLeg(buyer.index, capital.index, amount, code: Journal.portfolioRow, journal)
    }

    private mutating func postRevaluation(
        holder: EntityID, issuer: EntityID?, instrument: InstrumentID, amount: Double, period: Int?, seeding: Bool
    ) throws(LedgerError) {
        let revaluation = Journal.revaluationRow
        try check(holder.index, instrument.index, amount, code: revaluation, period: period)
        if let issuer { try check(issuer.index, instrument.index, -amount, code: revaluation, period: period) }
        let journal = beginEntry(seeding: seeding)
        appendLeg(holder.index, instrument.index, amount, code: revaluation, journal)
        if let issuer { appendLeg(issuer.index, instrument.index, -amount, code: revaluation, journal) }
    }

    /// Checks one leg before anything of its entry is applied: a known entity and instrument, a finite
    /// amount, no payment row on a real asset. `code` is a row code, `Journal.portfolioRow` or `Journal.revaluationRow`.
    @inline(__always)
    private func check(_ entity: Int, _ instrument: Int, _ amount: Double, code: Int, period: Int?) throws(LedgerError) {
        guard entities.indices.contains(entity) else { throw .unknownEntity(EntityID(entity)) }
        guard instruments.indices.contains(instrument) else { throw .unknownInstrument(InstrumentID(instrument)) }
        guard amount.isFinite, code < 0 || isFinancial[instrument] else {
            throw legError(entity, instrument, amount, row: code >= 0 ? rowNames[code] : nil, code: code, period: period)
        }
    }

    /// `check` for a leg on a transaction row known by name (the row gets its code only once the entry is accepted).
    @inline(__always)
    private func check(_ entity: Int, _ instrument: Int, _ amount: Double, row: String, period: Int?) throws(LedgerError) {
        guard entities.indices.contains(entity) else { throw .unknownEntity(EntityID(entity)) }
        guard instruments.indices.contains(instrument) else { throw .unknownInstrument(InstrumentID(instrument)) }
        guard amount.isFinite, isFinancial[instrument] else {
            throw legError(entity, instrument, amount, row: row, code: 0, period: period)
        }
    }

    /// The error of a leg that failed `check`: a non-finite amount, else a payment row on a real asset.
    private func legError(_ entity: Int, _ instrument: Int, _ amount: Double, row: String?, code: Int, period: Int?) -> LedgerError {
        let name = entities[entity].qualifiedName
        let asset = instruments[instrument]
        guard amount.isFinite else {
            let label: String
            if let row {
                label = row
            } else if code == Journal.portfolioRow {
                label = "Δ \(asset.name)"
            } else {
                label = "revaluation of \(asset.name)"
            }
            return .nonFiniteAmount(period: period, entity: name, row: label, instrument: asset.name, amount: amount)
        }
        return .transactionRowOnRealAsset(period: period, entity: name, row: row ?? "", instrument: asset.name)
    }

    private func validate(_ legs: [JournalLeg], period: Int?) throws(LedgerError) {
        for leg in legs {
            switch leg.flow {
            case .transaction(let row): try check(leg.entity.index, leg.instrument.index, leg.amount, row: row, period: period)
            case .portfolio: try check(leg.entity.index, leg.instrument.index, leg.amount, code: Journal.portfolioRow, period: period)
            case .revaluation: try check(leg.entity.index, leg.instrument.index, leg.amount, code: Journal.revaluationRow, period: period)
            }
        }
    }

    /// Applies legs that passed `validate`.
    private mutating func apply(_ legs: [JournalLeg], seeding: Bool) {
        let journal = beginEntry(seeding: seeding)
        for leg in legs {
            let code: Int
            switch leg.flow {
            case .transaction(let row): code = rowCode(for: row)
            case .portfolio: code = Journal.portfolioRow
            case .revaluation: code = Journal.revaluationRow
            }
            appendLeg(leg.entity.index, leg.instrument.index, leg.amount, code: code, journal)
        }
    }

    /// Which journal an entry goes to.
    private enum JournalTarget { case open, initial }

    private mutating func beginEntry(seeding: Bool) -> JournalTarget {
        if seeding {
            initial.journal.beginEntry()
            return .initial
        }
        current.journal.beginEntry()
        return .open
    }

    /// Applies one checked leg: the holding, the instrument's turnover, the journal.
    @inline(__always)
    private mutating func appendLeg(_ entity: Int, _ instrument: Int, _ amount: Double, code: Int, _ target: JournalTarget) {
        holdings[instrument * entities.count + entity] += amount
        turnover[instrument] += abs(amount)
        switch target {
        case .open: current.journal.append(entity: entity, instrument: instrument, amount: amount, row: code)
        case .initial: initial.journal.append(entity: entity, instrument: instrument, amount: amount, row: code)
        }
    }
}

/// The code of a transaction row in one ledger (`Ledger.code(ofRow:)`).
public struct TransactionRowCode: Sendable, Hashable {
    /// The row's index in `Ledger.transactionRows`.
    public let value: Int

    init(_ value: Int) { self.value = value }
}
