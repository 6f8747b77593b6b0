internal import OuroborosCore

/// One run of a laid-out scenario: the state it carries from period to period, by part, advanced
/// by the steps of `PeriodLoop.run()` (one file each under `Behaviour/`, `Markets/`, `Events/`,
/// `Accounting/`).
///
/// Carried across periods: the books (every stock, in the ledger), the deal books, the markets and
/// positions, each firm's state, capacity, the macro state, the event log, the generator and the
/// funds tracer. The open period's tallies are `period`, reset once when it begins; what one step
/// hands to the next within a period (`Obligations`, `ChipShipments`) lives in the loop and is
/// passed at the call. Recording reads the state and changes nothing.
struct Simulator: Sendable {
    let layout: SimulationLayout
    /// Every stock and flow, in the double-entry ledger; the period's revenue and payment edges.
    var books: Books
    /// Contracts, chip orders, equity tranches, debt, pledges, backstops, warrants, capex plans.
    var deals: DealBooks
    /// Prices, narratives and price impact (M1, M7, M10).
    var markets: MarketBook
    /// Who holds what (listed units, private stakes).
    var positions: PositionBook
    /// Defaults, backlog, private valuations, run rates: per entity.
    var firms: FirmState
    /// Capacity ready, energised, stranded and queued (M5).
    var capacity: CapacityState
    /// The policy rate, liquidity, premium, sentiment and the AI index (M7, M8, M9).
    var macro = MacroState()
    /// Each borrower's debt, interest, leverage and coverage as the period's credit pricing read them (M4).
    var credit: CreditState
    /// What the open period adds up; reset when it begins.
    var period: PeriodTallies
    /// The seeded generator of sentiment's noise.
    var rng: SeededGenerator
    /// The events, and the one that broke the loop.
    var log: EventLog
    /// Funds tracing across periods (M2).
    var tracer: RevenueTracer
    /// The buffers the period's conservation check sums into, reused every period.
    var conservation = ConservationWorkspace()
    /// Working arrays of the steps, reused every period (no state: each step fills what it reads).
    var scratch = StepScratch()
    /// The series, one value per period (written by `recordPeriod`, read by `result()`).
    var recorder: RunRecorder
    /// The seed of the run.
    let seed: UInt64
    /// A deliberately unbalanced posting to make in a period (tests of the conservation check).
    var fault: (period: Int, amount: Double)?
    /// The funds tracer's cumulative totals after each period, kept only by `runWithDetail` (nil: off).
    var originSnapshots: [[Double]]?

    /// Whether funds are traced this run (M2 on and the revenue origins wanted).
    let tracing: Bool

    /// A fresh run of `layout` with `seed`; `tracing` false skips funds tracing (M2) whatever the scenario says.
    init(layout: SimulationLayout, seed: UInt64, tracing: Bool = true) {
        self.layout = layout
        self.seed = seed
        self.tracing = tracing && layout.switches.tracing
        let n = layout.table.count
        books = Books(ledger: layout.ledger, ids: layout.table.ids, tracing: self.tracing)
        // A plain run keeps no period's journal once checked (`runWithDetail` keeps them all).
        books.ledger.historyLimit = 0
        deals = layout.deals
        markets = layout.markets
        positions = layout.positions
        rng = SeededGenerator(seed: seed)
        log = EventLog(labels: layout.labels, ids: layout.table.ids, graph: layout.graph)
        recorder = RunRecorder(entities: n, markets: layout.markets.count, periods: layout.periods)
        tracer = RevenueTracer(table: layout.table)
        period = PeriodTallies(count: n)
        credit = CreditState(count: n)
        deals.debt.creditAddOn = [Double](repeating: 0, count: n)
        deals.debt.spreadCap = layout.market.credit.spreadMax
        firms = FirmState(
            count: n,
            operatingCashFlowRunRate: (0..<n).map { layout.parameters.legacyRevenue[$0] * layout.parameters.legacyMargin[$0] },
            dryPowder: layout.parameters.dryPowder)
        let specs = layout.scenario.entities
        capacity = CapacityState(opening: (0..<n).map { $0 < specs.count ? max(0, specs[$0].capacityGW) : 0 })
    }

    /// Years per period.
    var dt: Double { layout.dt }
    /// Months per period.
    var months: Double { Double(layout.monthsPerStep) }
    // Borrowed views of the layout (`_read`: no copy of the structs on every access in the hot loops).
    /// Parameters per entity.
    var p: EntityParameters { _read { yield layout.parameters } }
    /// Market-wide parameters.
    var mp: MarketParameters { _read { yield layout.market } }
    /// Mechanism switches.
    var on: MechanismSwitches { _read { yield layout.switches } }
    /// The entity table.
    var table: EntityTable { _read { yield layout.table } }
    /// The period being simulated (0 while seeding the opening balances).
    var t: Int { books.period }

    /// Deposits of `e`.
    @inline(__always) func cash(_ e: Int) -> Double { books.cash(e) }

    /// Cash `e` can spend before touching its buffer.
    @inline(__always) func spendable(_ e: Int) -> Double { max(0, books.cash(e) - max(0, p.minCash[e])) }

    /// Whether `e` still acts (has not defaulted).
    @inline(__always) func alive(_ e: Int) -> Bool { !firms.defaulted[e] }

    /// Periods that span `monthCount` months (at least 1).
    @inline(__always) func steps(months monthCount: Double) -> Int { max(1, Int((monthCount / months).rounded(.up))) }
}
