internal import OuroborosCore

/// The double-entry books of a run: every flow is posted to the core `Ledger` here, and every
/// movement of deposits is also kept as a payment edge for funds tracing (M2).
///
/// Amounts are checked for NaN and infinity before they reach the ledger, so that the error names
/// the entity (by id) and the variable (the row) rather than the ledger's leg.
struct Books: Sendable {
    /// The ledger: the single source of truth for every stock.
    var ledger: Ledger
    /// The chart of accounts.
    let chart = ChartOfAccounts()
    /// Entity ids, for error messages.
    let ids: [String]
    /// The period now open (0 while seeding).
    var period = 0
    /// Revenue booked by each entity in the open period.
    var revenue: [Double]
    /// Deposits paid out by each entity in the open period.
    var outflow: [Double]
    /// Whether payment edges are recorded (M2 on).
    let tracing: Bool
    /// The ledger's code of each payment row, assigned on its first posting (so that rows keep the
    /// order in which the run first used them, as the matrices list them).
    private var rowCodes = [TransactionRowCode?](repeating: nil, count: PaymentRow.allCases.count)
    /// One movement of deposits in the open period: payer, payee, amount, whether the payee books it as revenue.
    struct PaymentEdge: Sendable {
        var from: Int32, to: Int32
        var amount: Double
        var isRevenue: Bool
    }
    /// The payment edges of the open period, in posting order (recorded only when funds are traced).
    var edges: [PaymentEdge] = []

    /// Books over `ledger` for entities `ids`.
    init(ledger: Ledger, ids: [String], tracing: Bool) {
        self.ledger = ledger
        self.ids = ids
        self.tracing = tracing
        revenue = [Double](repeating: 0, count: ids.count)
        outflow = revenue
        edges.reserveCapacity(tracing ? 512 : 0)
    }

    /// The deposits of entity `e` now.
    @inline(__always) func cash(_ e: Int) -> Double { ledger.holdings[e] }

    /// The holding of `instrument` by entity `e` now (assets `+`, liabilities `-`).
    @inline(__always) func holding(_ e: Int, _ instrument: InstrumentID) -> Double {
        ledger.holdings[instrument.index * ids.count + e]
    }

    /// Opens the next period and clears the per-period tallies.
    mutating func beginPeriod() throws(EngineError) {
        do { period = try ledger.beginPeriod() } catch { throw wrap(error) }
        for e in revenue.indices {
            revenue[e] = 0
            outflow[e] = 0
        }
        edges.removeAll(keepingCapacity: true)
    }

    /// `from` pays `to` `amount` on `row` in deposits.
    mutating func pay(_ row: PaymentRow, from: Int, to: Int, amount: Double) throws(EngineError) {
        try check(amount, row.isRevenue ? to : from, row.isRevenue ? "revenue (\(row.label))" : row.label)
        guard amount != 0, from != to else { return }
        let code = code(of: row)
        do {
            try ledger.transfer(code, payer: EntityID(from), payee: EntityID(to), amount: amount, settlement: chart.deposits)
        } catch { throw wrap(error) }
        record(from, to, amount, revenue: row.isRevenue)
    }

    /// `buyer` pays `seller` `amount` on `row` and adds it to its tangible capital.
    mutating func buyCapital(_ row: PaymentRow, buyer: Int, seller: Int, amount: Double) throws(EngineError) {
        try check(amount, buyer, "capex (\(row.label))")
        guard amount != 0 else { return }
        let code = code(of: row)
        do {
            try ledger.investment(
                code, buyer: EntityID(buyer), seller: EntityID(seller), amount: amount, capital: chart.tangible, settlement: chart.deposits)
        } catch { throw wrap(error) }
        record(buyer, seller, amount, revenue: row.isRevenue)
    }

    /// `holder` acquires `amount` of `instrument` from `issuer` for deposits (a new issue, a loan, or,
    /// with the seller as `issuer`, a secondary trade); a negative amount redeems. Bank lending
    /// (`holder` a bank, `instrument` loans) creates deposits; repayment destroys them.
    mutating func acquire(holder: Int, issuer: Int, _ instrument: InstrumentID, amount: Double, variable: @autoclosure () -> String)
        throws(EngineError)
    {
        try check(amount, holder, variable())
        guard amount != 0 else { return }
        do {
            try ledger.financial(
                holder: EntityID(holder), issuer: EntityID(issuer), instrument: instrument, amount: amount, settlement: chart.deposits)
        } catch { throw wrap(error) }
        if amount > 0 { record(holder, issuer, amount, revenue: false) } else { record(issuer, holder, -amount, revenue: false) }
    }

    /// The transactions-flow row of crypto trades (a non-produced asset changes hands for deposits).
    static let cryptoRow = "Crypto trades"

    /// `buyer` buys crypto worth `amount` from `seller` (a real asset: no issuer), paid on its own row.
    mutating func tradeCrypto(buyer: Int, seller: Int, amount: Double) throws(EngineError) {
        try check(amount, seller, "crypto sale")
        guard amount != 0 else { return }
        try post(
            JournalEntry([
                JournalLeg(entity: EntityID(buyer), instrument: chart.crypto, amount: amount, flow: .portfolio),
                JournalLeg(entity: EntityID(seller), instrument: chart.crypto, amount: -amount, flow: .portfolio),
                JournalLeg(entity: EntityID(buyer), instrument: chart.deposits, amount: -amount, flow: .transaction(Self.cryptoRow)),
                JournalLeg(entity: EntityID(seller), instrument: chart.deposits, amount: amount, flow: .transaction(Self.cryptoRow)),
            ]))
        record(buyer, seller, amount, revenue: false)
    }

    /// A holding gain or loss of `amount` for `holder` (the issuer's liability moves with it).
    mutating func revalue(holder: Int, issuer: Int?, _ instrument: InstrumentID, amount: Double, variable: @autoclosure () -> String)
        throws(EngineError)
    {
        try check(amount, holder, variable())
        guard amount != 0 else { return }
        do {
            try ledger.revaluation(holder: EntityID(holder), issuer: issuer.map(EntityID.init), instrument: instrument, amount: amount)
        } catch { throw wrap(error) }
    }

    /// Posts an entry as given (balanced or not): used to seed and, in tests, to inject faults.
    mutating func postRaw(_ entry: JournalEntry) throws(EngineError) {
        try post(entry)
    }

    /// Seeds an opening holding: `holder` holds `amount` of `instrument` issued by `issuer`.
    mutating func seed(holder: Int, issuer: Int?, _ instrument: InstrumentID, amount: Double, variable: @autoclosure () -> String) throws(EngineError)
    {
        try check(amount, holder, variable())
        guard amount != 0 else { return }
        do {
            try ledger.seed(.revaluation(holder: EntityID(holder), issuer: issuer.map(EntityID.init), instrument: instrument, amount: amount))
        } catch { throw wrap(error) }
    }

    // MARK: - Internals

    /// Throws unless `amount` is finite; the variable's name is only built when it is not.
    @inline(__always) private func check(_ amount: Double, _ entity: Int, _ variable: @autoclosure () -> String) throws(EngineError) {
        guard amount.isFinite else { throw .nonFinite(period: period, entity: ids[entity], variable: variable()) }
    }

    private mutating func post(_ entry: JournalEntry) throws(EngineError) {
        do { try ledger.post(entry) } catch { throw wrap(error) }
    }

    /// The ledger's code of `row`, assigned on first use.
    @inline(__always) private mutating func code(of row: PaymentRow) -> TransactionRowCode {
        if let code = rowCodes[row.rawValue] { return code }
        let code = ledger.code(ofRow: row.label)
        rowCodes[row.rawValue] = code
        return code
    }

    @inline(__always) private mutating func record(_ from: Int, _ to: Int, _ amount: Double, revenue isRevenue: Bool) {
        outflow[from] += amount
        if isRevenue { revenue[to] += amount }
        guard tracing else { return }
        edges.append(PaymentEdge(from: Int32(truncatingIfNeeded: from), to: Int32(truncatingIfNeeded: to), amount: amount, isRevenue: isRevenue))
    }

    /// A ledger error as an engine error: NaN keeps its names; anything else is a broken identity.
    func wrap(_ error: LedgerError) -> EngineError {
        if case .nonFiniteAmount(let period, let entity, let row, _, _) = error {
            return .nonFinite(period: period ?? 0, entity: entity, variable: row)
        }
        let imbalance = SFCMatrixImbalance(kind: .transactionsFlow, sector: "", row: error.description, sum: .nan, scale: .nan)
        return .identityViolation(SFCIdentityViolation(period: period, model: ledger.name, imbalance: imbalance))
    }
}
