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

    /// Cumulative gross amounts posted per instrument (the scale of its zero-sum check).
    private(set) var turnover: [Double]
    /// Transaction-row names in order of first use or declaration.
    private(set) var rowNames: [String] = []
    private var rowCodes: [String: Int] = [:]
    /// Rows declared to appear in every transactions-flow matrix.
    private(set) var declaredRows: Set<Int> = []
    private(set) var initial: PeriodStore
    private(set) var closed: [PeriodStore] = []
    private(set) var open: PeriodStore?
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
    public var currentPeriod: Int? { open?.period }

    /// The latest period with a record: the open one, else the last closed one, else the initial state.
    public var latestPeriod: Int { open?.period ?? closed.last?.period ?? initial.period }

    /// Every period whose record is available, oldest first (the initial state included).
    public var recordedPeriods: [Int] {
        [initial.period] + closed.map(\.period) + (open.map { [$0.period] } ?? [])
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
        guard nextPeriod == firstPeriod, open == nil else { throw .seedingAfterStart }
        try validate(entry.legs, period: nil)
        var journal = initial.journal
        initial.journal = Journal()
        apply(entry.legs, to: &journal)
        initial.journal = journal
        initial.closing = holdings
        initial.turnover = turnover
    }

    /// Adds a posting to the opening balances (the initial state); only before the first period begins.
    public mutating func seed(_ posting: Posting) throws(LedgerError) {
        try validate(posting)
        try seed(posting.journalEntry)
    }

    /// Opens the next period (the first is `firstPeriod`) and returns its number.
    @discardableResult
    public mutating func beginPeriod() throws(LedgerError) -> Int {
        if let open { throw .periodAlreadyOpen(open.period) }
        let period = nextPeriod
        open = PeriodStore(period: period, opening: holdings, closing: [], turnover: [], journal: Journal())
        nextPeriod += 1
        return period
    }

    /// Closes the open period, recording its closing holdings, and returns its number.
    @discardableResult
    public mutating func closePeriod() throws(LedgerError) -> Int {
        guard var store = open else { throw .noOpenPeriod(operation: "close a period") }
        store.closing = holdings
        store.turnover = turnover
        closed.append(store)
        open = nil
        if let historyLimit, closed.count > max(0, historyLimit) {
            closed.removeFirst(closed.count - max(0, historyLimit))
        }
        return store.period
    }

    /// Checks the open period with `check` and closes it; throws the first broken identity instead.
    @discardableResult
    public mutating func closePeriod(verifying check: ConservationCheck) throws -> Int {
        guard let period = open?.period else { throw LedgerError.noOpenPeriod(operation: "close a period") }
        try check.verify(self, period: period)
        return try closePeriod()
    }

    /// Posts a transaction in the open period.
    public mutating func post(_ posting: Posting) throws(LedgerError) {
        try validate(posting)
        try post(posting.journalEntry)
    }

    /// Posts an entry of arbitrary legs in the open period (balanced or not: see `ConservationCheck`).
    public mutating func post(_ entry: JournalEntry) throws(LedgerError) {
        guard let period = open?.period else { throw .noOpenPeriod(operation: "post") }
        try validate(entry.legs, period: period)
        // The open period's journal is appended to in place (no copy of the period's record per entry).
        open!.journal.beginEntry()
        let count = entities.count
        for leg in entry.legs {
            let code = code(of: leg.flow)
            holdings[leg.instrument.index * count + leg.entity.index] += leg.amount
            turnover[leg.instrument.index] += abs(leg.amount)
            open!.journal.append(entity: leg.entity.index, instrument: leg.instrument.index, amount: leg.amount, row: code)
        }
    }

    /// The record of `period`: opening and closing holdings and the entries posted, or `nil`
    /// when the period was never recorded or has been dropped from the history.
    public func record(period: Int) -> LedgerPeriod? {
        if let open, open.period == period {
            var store = open
            store.closing = holdings
            store.turnover = turnover
            return LedgerPeriod(store: store, isClosed: false, entityCount: entities.count, rowNames: rowNames)
        }
        if period == initial.period {
            return LedgerPeriod(store: initial, isClosed: nextPeriod != firstPeriod, entityCount: entities.count, rowNames: rowNames)
        }
        guard let first = closed.first, period >= first.period, period - first.period < closed.count else { return nil }
        return LedgerPeriod(store: closed[period - first.period], isClosed: true, entityCount: entities.count, rowNames: rowNames)
    }

    /// The current net worth of `entity`: the sum of its holdings (real capital included).
    public func netWorth(of entity: EntityID) -> Double {
        (0..<instruments.count).reduce(0) { $0 + holdings[$1 * entities.count + entity.index] }
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

    private func validate(_ posting: Posting) throws(LedgerError) {
        let financial = "a financial instrument (deposits, central-bank money, bonds, loans, equity, private credit)"
        func requireFinancial(_ id: InstrumentID, role: String) throws(LedgerError) {
            guard instruments.indices.contains(id.index) else { throw .unknownInstrument(id) }
            guard instruments[id.index].isFinancial else {
                throw .wrongInstrumentKind(instrument: instruments[id.index].name, role: role, expected: financial)
            }
        }
        switch posting {
        case .transfer(_, _, _, _, let settlement):
            try requireFinancial(settlement, role: "settlement instrument")
        case .financial(_, _, let instrument, _, let settlement):
            try requireFinancial(instrument, role: "instrument acquired")
            try requireFinancial(settlement, role: "settlement instrument")
        case .investment(_, _, _, _, let capital, let settlement):
            try requireFinancial(settlement, role: "settlement instrument")
            guard instruments.indices.contains(capital.index) else { throw .unknownInstrument(capital) }
            guard !instruments[capital.index].isFinancial else {
                throw .wrongInstrumentKind(instrument: instruments[capital.index].name, role: "capital acquired", expected: "real capital")
            }
        case .revaluation:
            break
        }
    }

    private func validate(_ legs: [JournalLeg], period: Int?) throws(LedgerError) {
        for leg in legs {
            guard entities.indices.contains(leg.entity.index) else { throw .unknownEntity(leg.entity) }
            guard instruments.indices.contains(leg.instrument.index) else { throw .unknownInstrument(leg.instrument) }
            let instrument = instruments[leg.instrument.index]
            guard leg.amount.isFinite else {
                let entity = entities[leg.entity.index].qualifiedName
                let row: String
                switch leg.flow {
                case .transaction(let name): row = name
                case .portfolio: row = "Δ \(instrument.name)"
                case .revaluation: row = "revaluation of \(instrument.name)"
                }
                throw .nonFiniteAmount(period: period, entity: entity, row: row, instrument: instrument.name, amount: leg.amount)
            }
            if let row = leg.row, !instrument.isFinancial {
                let entity = entities[leg.entity.index].qualifiedName
                throw .transactionRowOnRealAsset(period: period, entity: entity, row: row, instrument: instrument.name)
            }
        }
    }

    /// The journal's row code of a leg's flow.
    private mutating func code(of flow: JournalLeg.Flow) -> Int {
        switch flow {
        case .transaction(let row): rowCode(for: row)
        case .portfolio: Journal.portfolioRow
        case .revaluation: Journal.revaluationRow
        }
    }

    private mutating func apply(_ legs: [JournalLeg], to journal: inout Journal) {
        journal.beginEntry()
        let count = entities.count
        for leg in legs {
            let code = code(of: leg.flow)
            holdings[leg.instrument.index * count + leg.entity.index] += leg.amount
            turnover[leg.instrument.index] += abs(leg.amount)
            journal.append(entity: leg.entity.index, instrument: leg.instrument.index, amount: leg.amount, row: code)
        }
    }
}
