internal import OuroborosCore

/// The mutable state of one run: the books, the deals, the markets and per-entity arrays, advanced
/// period by period by the steps in `Behaviour/`, `Markets/`, `Events/` and `Accounting/`.
struct Simulator: Sendable {
    let layout: SimulationLayout
    var books: Books
    var deals: DealBooks
    var markets: MarketBook
    var positions: PositionBook
    var rng: RandomSource
    var log: EventLog
    var recorder: RunRecorder
    var tracer: RevenueTracer
    /// The buffers the period's conservation check sums into, reused every period.
    var conservation = ConservationWorkspace()
    /// The seed of the run.
    let seed: UInt64
    /// The listed-equity market of each entity, or -1.
    let marketOf: [Int]
    /// A deliberately unbalanced posting to make in a period (tests of the conservation check).
    var fault: (period: Int, amount: Double)?
    /// The funds tracer's cumulative totals after each period, kept only by `runWithDetail` (nil: off).
    var originSnapshots: [[Double]]?

    // MARK: Macro (M8, M9) and sentiment
    /// The period being simulated.
    var t = 0
    var rate = 0.0, liquidityIndex = 1.0, premium = 0.0, sentiment = 1.0
    /// The discount rate k = r + premium now and at the opening.
    var discount = 0.0, openingDiscount = 0.0
    /// External funding sought by AI firms this period and last (M9 capital competition).
    var fundingNeed = 0.0, lastFundingNeed = 0.0
    /// Defaults this period (sentiment hits) and the AI equity index.
    var defaultsThisPeriod = 0, aiIndex = 1.0, lastIndexReturn = 0.0

    // MARK: Entities
    var defaulted: [Bool]
    var defaultPeriod: [Int]
    /// Entities that defaulted this period and still await clearing (step 10).
    var pendingDefaults: [Int] = []
    /// Remaining performance obligations (compute contracts, chip orders).
    var backlog: [Double]
    /// Capacity ready to run (built and out of the queue), energised, stranded; GW.
    var readyGW: [Double], energisedGW: [Double], strandedGW: [Double]
    /// GW the seller must deliver on running contracts, and the share it can (M3, M5).
    var requiredGW: [Double], coverage: [Double]
    /// Built capacity waiting in the interconnection queue: entity, GW, period it is ready.
    var queueEntity: [Int] = [], queueGW: [Double] = [], queueReady: [Int] = []
    /// Private valuations: the last round's post-money, the revenue run rate then, and today's mark.
    var lastRoundValuation: [Double], lastRoundRevenue: [Double], privateMark: [Double]
    /// The first period in which a lab or wrapper may try another round.
    var nextRoundPeriod: [Int]
    /// Obligations due in the period (opex, compute, API fees), its parts, and the monthly burn.
    var due: [Double], opexDue: [Double], apiDue: [Double], burn: [Double]
    /// Compute each contract can deliver and bill this period (scratch, per contract).
    var contractDeliver: [Double]
    /// GW each buyer has running on its contracts (deployed through clouds), and AI revenue this period.
    var contractedGW: [Double], aiRevenue: [Double]
    /// Operating cash flow run rate per year (for bond capacity, M4).
    var ocfRunRate: [Double]
    /// Units each order ships this period (scratch, per order; grows with capex-plan orders).
    var plannedUnits: [Double] = []
    /// Energised capacity at the opening, GW: the grid powers at least this much (M5).
    var openingCapacityTotal = 0.0
    /// Per-period tallies: capex, new debt, interest paid, operating cash flow.
    var capex: [Double], newDebt: [Double], interestPaid: [Double], operatingCashFlow: [Double]
    /// Private-credit funds' uncalled commitments (dry powder).
    var uncalled: [Double]
    /// Banks' loans at the opening (the multiplier bound counts growth from here, M9).
    var openingBankLoans: [Double]
    /// Hedge funds' portfolio value at the end of the previous period.
    var hedgeValue: [Double]
    /// The shortest runway (months) each entity had and when.
    var runwayMin: [Double], runwayMinPeriod: [Int]

    /// A fresh run of `layout` with `seed`.
    init(layout: SimulationLayout, seed: UInt64) {
        self.layout = layout
        self.seed = seed
        let n = layout.table.count
        books = Books(ledger: layout.ledger, ids: layout.table.ids, tracing: layout.switches.tracing)
        // A plain run keeps no period's journal once checked (`runWithDetail` keeps them all).
        books.ledger.historyLimit = 0
        deals = layout.deals
        markets = layout.markets
        positions = layout.positions
        rng = RandomSource(seed: seed)
        log = EventLog(labels: layout.labels, ids: layout.table.ids, graph: layout.graph)
        recorder = RunRecorder(entities: n, markets: layout.markets.count, periods: layout.periods)
        tracer = RevenueTracer(table: layout.table)
        var marketOf = [Int](repeating: -1, count: n)
        for m in (0..<layout.markets.count).reversed() where layout.markets.issuer[m] >= 0 { marketOf[layout.markets.issuer[m]] = m }
        self.marketOf = marketOf
        let zeros = [Double](repeating: 0, count: n)
        defaulted = Array(repeating: false, count: n)
        defaultPeriod = Array(repeating: -1, count: n)
        backlog = zeros
        let opening = (0..<n).map { $0 < layout.scenario.entities.count ? max(0, layout.scenario.entities[$0].capacityGW) : 0 }
        readyGW = opening
        energisedGW = opening
        strandedGW = zeros
        requiredGW = zeros
        coverage = Array(repeating: 1, count: n)
        lastRoundValuation = zeros
        lastRoundRevenue = zeros
        privateMark = zeros
        nextRoundPeriod = Array(repeating: 1, count: n)
        due = zeros
        opexDue = zeros
        apiDue = zeros
        burn = zeros
        contractDeliver = [Double](repeating: 0, count: layout.deals.contracts.count)
        contractedGW = zeros
        aiRevenue = zeros
        ocfRunRate = (0..<n).map { layout.parameters.legacyRevenue[$0] * layout.parameters.legacyMargin[$0] }
        capex = zeros
        newDebt = zeros
        interestPaid = zeros
        operatingCashFlow = zeros
        uncalled = layout.parameters.dryPowder.map { max(0, $0) }
        openingBankLoans = zeros
        hedgeValue = zeros
        runwayMin = Array(repeating: .infinity, count: n)
        runwayMinPeriod = Array(repeating: 0, count: n)
    }

    /// Years per period.
    var dt: Double { layout.dt }
    /// Months per period.
    var months: Double { Double(layout.monthsPerStep) }
    /// Parameters per entity.
    var p: EntityParameters { layout.parameters }
    /// Market-wide parameters.
    var mp: MarketParameters { layout.market }
    /// Mechanism switches.
    var on: MechanismSwitches { layout.switches }
    /// The entity table.
    var table: EntityTable { layout.table }

    /// Deposits of `e`.
    @inline(__always) func cash(_ e: Int) -> Double { books.cash(e) }

    /// Cash `e` can spend before touching its buffer.
    @inline(__always) func spendable(_ e: Int) -> Double { max(0, books.cash(e) - max(0, p.minCash[e])) }

    /// Whether `e` still acts (has not defaulted).
    @inline(__always) func alive(_ e: Int) -> Bool { !defaulted[e] }

    /// Periods that span `monthCount` months (at least 1).
    func steps(months monthCount: Double) -> Int { max(1, Int((monthCount / months).rounded(.up))) }
}
