/// The linear system behind ``FundsTrace``, set up once for both solvers: who mixes, who emits which label column, and the in-edges.
///
/// Node roles:
/// - an origin emits its own label; its pool is ignored;
/// - a non-origin with an empty pool (no inflow, no balance) emits its own label (unfunded payer);
/// - a non-origin with a pool mixes: its pool mix is the unknown `x_v`. It is *fed* when some
///   label can reach its pool along positive payments; an unfed (sourceless) one sits in a closed
///   loop of money with no origin in the period and emits the unattributed column instead, which
///   keeps the system for the fed nodes nonsingular (every fed node leaks to a label).
///
/// For a mixing node `v` with pool `P_v = inflow_v + balance_v`:
/// `x_v = (balance_v · e(self_v) + Σ_{u → v} a_uv · out_u) / P_v`, where `out_u` is `x_u` for a
/// mixing payer and the unit vector of the payer's emitted column otherwise.
struct FundsTraceProblem: Sendable {
    var nodeCount = 0
    /// The payments (shared with the caller's graph, not copied; a workspace rebuilds it in place).
    var payments = CSRGraph()
    /// In-edges: row v lists the payers u of v with the amounts a_uv (after ``keepingAssemblyInEdges()``, only the rows the revenue mixes still
    /// need).
    private(set) var inEdges = CSRGraph()
    private(set) var balance: [Double] = []
    /// Inflow of the period, Σ_u a_uv.
    private(set) var inflow: [Double] = []
    /// `inflow + balance` for mixing nodes, 0 for others.
    private(set) var pool: [Double] = []
    private(set) var isOrigin: [Bool] = []
    /// Dense index of each mixing node (0 ..< mixingCount, ascending in node id), -1 for others.
    private(set) var mixingIndex: [Int32] = []
    /// The mixing nodes in ascending order.
    private(set) var mixingNodes: [Int32] = []
    /// Label column a non-mixing node emits (-1 when it pays nothing: no column needed).
    private(set) var emitColumn: [Int32] = []
    /// Label column of a mixing node's opening balance (-1 when it has none).
    private(set) var balanceColumn: [Int32] = []
    /// The node id of each label column, ascending.
    private(set) var labels: [Int32] = []
    /// Total columns: the labels plus one unattributed column when some sourceless node pays.
    private(set) var columnCount = 0
    /// The unattributed column, when present (always the last).
    private(set) var unattributedColumn: Int?
    /// Scratch of `classify`, kept so that classifying again allocates nothing.
    private var outflow: [Double] = []
    private var isLabel: [Bool] = []
    private var columnOf: [Int32] = []
    private var fed: [Bool] = []
    private var queue: [Int32] = []
    private var transposeFill: [Int] = []

    /// An empty problem, to be filled by `classify`.
    init() {}

    /// Validates the inputs and classifies every node; O(n + m). The scratch is freed (a one-shot
    /// problem on a large graph should not carry it).
    init(payments: CSRGraph, openingBalances: [Double], origins: some Sequence<Int>) throws(FundsTraceError) {
        self.payments = payments
        try classify(openingBalances: openingBalances, origins: origins)
        outflow = []
        isLabel = []
        columnOf = []
        fed = []
        queue = []
        transposeFill = []
    }

    /// Validates `openingBalances` and `origins` against `payments` and classifies every node, in the
    /// problem's own buffers; O(n + m).
    mutating func classify(openingBalances: [Double], origins: some Sequence<Int>) throws(FundsTraceError) {
        let n = payments.nodeCount
        nodeCount = n
        if openingBalances.isEmpty {
            CSRBuilder.reset(&balance, count: n, to: 0)
        } else {
            guard openingBalances.count == n else {
                throw .balanceCountMismatch(expected: n, got: openingBalances.count)
            }
            for v in 0..<n where !(openingBalances[v].isFinite && openingBalances[v] >= 0) {
                throw .invalidBalance(node: v, value: openingBalances[v])
            }
            balance.removeAll(keepingCapacity: true)
            balance.append(contentsOf: openingBalances)
        }
        for u in 0..<n {
            for e in payments.edges(from: u) where payments.weight[e] < 0 {
                throw .negativePayment(from: u, to: Int(payments.column[e]), amount: payments.weight[e])
            }
        }
        CSRBuilder.reset(&isOrigin, count: n, to: false)
        for origin in origins {
            guard origin >= 0, origin < n else { throw .originOutOfRange(node: origin, nodeCount: n) }
            isOrigin[origin] = true
        }

        inEdges.rebuild(transposing: payments, fill: &transposeFill)
        payments.inStrength(into: &inflow)
        payments.outStrength(into: &outflow)

        // Roles and label columns (labels ascending by node id).
        CSRBuilder.reset(&pool, count: n, to: 0)
        CSRBuilder.reset(&isLabel, count: n, to: false)
        for v in 0..<n {
            if isOrigin[v] {
                isLabel[v] = true
            } else {
                let p = inflow[v] + balance[v]
                pool[v] = p
                if balance[v] > 0 || (p == 0 && outflow[v] > 0) { isLabel[v] = true }
            }
        }
        CSRBuilder.reset(&columnOf, count: n, to: -1)
        labels.removeAll(keepingCapacity: true)
        for v in 0..<n where isLabel[v] {
            columnOf[v] = Int32(truncatingIfNeeded: labels.count)
            labels.append(Int32(truncatingIfNeeded: v))
        }

        // Fed pools: reachable along positive payments from an emitting label or a balance.
        CSRBuilder.reset(&fed, count: n, to: false)
        queue.removeAll(keepingCapacity: true)
        for v in 0..<n where isLabel[v] {
            if !isOrigin[v], pool[v] > 0 { fed[v] = true }
            queue.append(Int32(truncatingIfNeeded: v))
        }
        var head = 0
        while head < queue.count {
            let u = Int(queue[head])
            head += 1
            for e in payments.edges(from: u) where payments.weight[e] > 0 {
                let w = Int(payments.column[e])
                if !isOrigin[w], pool[w] > 0, !fed[w] {
                    fed[w] = true
                    queue.append(Int32(truncatingIfNeeded: w))
                }
            }
        }

        CSRBuilder.reset(&mixingIndex, count: n, to: -1)
        mixingNodes.removeAll(keepingCapacity: true)
        CSRBuilder.reset(&emitColumn, count: n, to: -1)
        CSRBuilder.reset(&balanceColumn, count: n, to: -1)
        var hasSourceless = false
        let unattributed = Int32(truncatingIfNeeded: labels.count)
        for v in 0..<n {
            if isOrigin[v] || pool[v] == 0 {
                emitColumn[v] = columnOf[v]
            } else if fed[v] {
                mixingIndex[v] = Int32(truncatingIfNeeded: mixingNodes.count)
                mixingNodes.append(Int32(truncatingIfNeeded: v))
                balanceColumn[v] = columnOf[v]
            } else if outflow[v] > 0 {
                emitColumn[v] = unattributed
                hasSourceless = true
            }
        }
        columnCount = labels.count + (hasSourceless ? 1 : 0)
        unattributedColumn = hasSourceless ? labels.count : nil
    }

    /// Whether node `v`'s revenue mix needs a pass over its in-edges: it has inflow and is not a mixing node without balance (whose revenue mix is
    /// its pool mix).
    func revenueNeedsInEdges(_ v: Int) -> Bool {
        inflow[v] > 0 && !(mixingIndex[v] >= 0 && balance[v] == 0)
    }

    /// The same problem with the in-edge rows of the other nodes emptied, for the revenue assembly once an iterative solver has laid out its own
    /// copy of the edges.
    func keepingAssemblyInEdges() -> FundsTraceProblem {
        var rowStart = [Int](repeating: 0, count: nodeCount + 1)
        var column: [Int32] = []
        var weight: [Double] = []
        for v in 0..<nodeCount {
            if revenueNeedsInEdges(v) {
                for e in inEdges.edges(from: v) {
                    column.append(inEdges.column[e])
                    weight.append(inEdges.weight[e])
                }
            }
            rowStart[v + 1] = column.count
        }
        var copy = self
        copy.inEdges = CSRGraph(uncheckedNodeCount: nodeCount, rowStart: rowStart, column: column, weight: weight)
        return copy
    }

    /// Number of unknown pool mixes.
    var mixingCount: Int { mixingNodes.count }

    /// Adds `amount × out_u` restricted to columns `first ..< first + width` into `accumulator`, where `mixes` holds the pool mixes of the mixing
    /// nodes for those columns (row-major, `width` per node).
    @inline(__always)
    func addOutMix(
        of u: Int,
        times amount: Double,
        first: Int,
        width: Int,
        mixes: UnsafeBufferPointer<Double>,
        into accumulator: UnsafeMutableBufferPointer<Double>
    ) {
        let index = Int(mixingIndex[u])
        if index >= 0 {
            let row = index * width
            for k in 0..<width { accumulator[k] += amount * mixes[row + k] }
        } else {
            let column = Int(emitColumn[u]) - first
            if column >= 0, column < width { accumulator[column] += amount }
        }
    }
}
