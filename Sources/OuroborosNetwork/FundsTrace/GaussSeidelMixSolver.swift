/// The iterative solver of ``FundsTrace``: block Gauss–Seidel over compressed rows, one strongly connected block of mixing nodes at a time in topological order (payers first), so acyclic parts are solved in a single pass and only cycles iterate.
///
/// A cyclic block is swept (nodes in sweep order, updated in place) until the largest change `Δ`
/// in a sweep is at most `tolerance × s` (s = the largest value in the block) and, once a
/// contraction ratio `r = Δ_k / Δ_{k-1} < 1` is observed, the estimated remaining error
/// `Δ · r / (1 − r)` is too; otherwise it gives up after `maxSweeps` sweeps. Sweeps start from
/// zero, so iterates rise monotonically to the minimal non-negative solution.
///
/// Layout: mixing nodes are renumbered into sweep positions (blocks in topological order), and
/// their in-edges are stored once in that numbering, split into edges from other mixing nodes (the
/// sweep's only random access is the payer's row of `x`) and edges from emitters, which are
/// constant and folded into a right-hand side once per column block.
struct GaussSeidelMixSolver {
    let problem: FundsTraceProblem
    /// Sweep position of each mixing index.
    private let position: [Int32]
    /// Offsets of the blocks in sweep positions, and whether each block is cyclic.
    private let blockStart: [Int]
    private let blockIsCyclic: [Bool]
    /// In-edges from mixing payers, by sweep position: payer position and amount.
    private let mixingStart: [Int]
    private let mixingSource: [Int32]
    private let mixingAmount: [Double]
    /// In-edges from emitters, by sweep position: emitted column and amount.
    private let emitterStart: [Int]
    private let emitterColumn: [Int32]
    private let emitterAmount: [Double]
    /// Per sweep position: 1 / pool, the opening balance and its column (-1 for none).
    private let inversePool: [Double]
    private let balance: [Double]
    private let balanceColumn: [Int32]
    /// Node id of each sweep position (for error reports).
    private let nodeAt: [Int32]

    /// Orders the mixing nodes by the strongly connected blocks of the payments among them and lays their in-edges out in that order; O(n + m).
    init(problem: FundsTraceProblem) {
        self.problem = problem
        let k = problem.mixingCount
        let inEdges = problem.inEdges

        // Blocks: components of the positive payments among mixing nodes, payers first.
        var sources: [Int32] = []
        var targets: [Int32] = []
        for (j, node) in problem.mixingNodes.enumerated() {
            for e in inEdges.edges(from: Int(node)) where inEdges.weight[e] > 0 {
                let i = problem.mixingIndex[Int(inEdges.column[e])]
                if i >= 0 {
                    sources.append(i)
                    targets.append(Int32(truncatingIfNeeded: j))
                }
            }
        }
        let built = CSRBuilder.build(
            nodeCount: k, sources: sources, targets: targets,
            amounts: [Double](repeating: 1, count: sources.count), keepSelfLoops: true)
        let among = CSRGraph(uncheckedNodeCount: k, rowStart: built.rowStart, column: built.column, weight: built.weight)
        let blocks = StronglyConnectedComponents(among)
        var order: [Int32] = []
        order.reserveCapacity(k)
        var blockStart = [0]
        var blockIsCyclic: [Bool] = []
        // Tarjan numbers sinks first, so descending ids put payers before payees.
        for c in stride(from: blocks.componentCount - 1, through: 0, by: -1) {
            order.append(contentsOf: blocks.members(c))
            blockStart.append(order.count)
            blockIsCyclic.append(blocks.isNonTrivial[c])
        }
        var position = [Int32](repeating: 0, count: k)
        for (p, j) in order.enumerated() { position[Int(j)] = Int32(truncatingIfNeeded: p) }

        // In-edges by sweep position.
        var mixingStart = [0], emitterStart = [0]
        var mixingSource: [Int32] = [], emitterColumn: [Int32] = []
        var mixingAmount: [Double] = [], emitterAmount: [Double] = []
        mixingStart.reserveCapacity(k + 1)
        emitterStart.reserveCapacity(k + 1)
        var inversePool = [Double](repeating: 0, count: k)
        var balance = [Double](repeating: 0, count: k)
        var balanceColumn = [Int32](repeating: -1, count: k)
        var nodeAt = [Int32](repeating: 0, count: k)
        for p in 0 ..< k {
            let v = Int(problem.mixingNodes[Int(order[p])])
            nodeAt[p] = Int32(truncatingIfNeeded: v)
            inversePool[p] = 1 / problem.pool[v]
            balance[p] = problem.balance[v]
            balanceColumn[p] = problem.balanceColumn[v]
            for e in inEdges.edges(from: v) where inEdges.weight[e] > 0 {
                let u = Int(inEdges.column[e])
                let i = Int(problem.mixingIndex[u])
                if i >= 0 {
                    mixingSource.append(position[i])
                    mixingAmount.append(inEdges.weight[e])
                } else if problem.emitColumn[u] >= 0 {
                    emitterColumn.append(problem.emitColumn[u])
                    emitterAmount.append(inEdges.weight[e])
                }
            }
            mixingStart.append(mixingSource.count)
            emitterStart.append(emitterColumn.count)
        }
        self.position = position
        self.blockStart = blockStart
        self.blockIsCyclic = blockIsCyclic
        self.mixingStart = mixingStart
        self.mixingSource = mixingSource
        self.mixingAmount = mixingAmount
        self.emitterStart = emitterStart
        self.emitterColumn = emitterColumn
        self.emitterAmount = emitterAmount
        self.inversePool = inversePool
        self.balance = balance
        self.balanceColumn = balanceColumn
        self.nodeAt = nodeAt
    }

    /// Pool mixes of every mixing node for columns `first ..< first + width` (row-major by mixing index, `width` per node), and the most sweeps any block needed.
    func solve(
        first: Int,
        width: Int,
        tolerance: Double,
        maxSweeps: Int
    ) -> Result<(mixes: [Double], sweeps: Int), FundsTraceError> {
        let k = problem.mixingCount
        // Constant part of every row: balance and emitter inflows, already divided by the pool.
        var rhs = [Double](repeating: 0, count: k * width)
        rhs.withUnsafeMutableBufferPointer { b in
            for p in 0 ..< k {
                let row = p * width
                let own = Int(balanceColumn[p]) - first
                if own >= 0, own < width { b[row + own] += balance[p] }
                for e in emitterStart[p] ..< emitterStart[p + 1] {
                    let column = Int(emitterColumn[e]) - first
                    if column >= 0, column < width { b[row + column] += emitterAmount[e] }
                }
                let scale = inversePool[p]
                for c in 0 ..< width { b[row + c] *= scale }
            }
        }

        var x = [Double](repeating: 0, count: k * width)
        let acc = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(width, 1))
        defer { acc.deallocate() }
        var failure: FundsTraceError?
        var mostSweeps = 0
        mixingStart.withUnsafeBufferPointer { start in
            mixingSource.withUnsafeBufferPointer { source in
                mixingAmount.withUnsafeBufferPointer { amount in
                    inversePool.withUnsafeBufferPointer { inverse in
                        rhs.withUnsafeBufferPointer { b in
                            x.withUnsafeMutableBufferPointer { x in
                                /// Recomputes the row at sweep position p in place; returns (largest change, largest value).
                                @inline(__always)
                                func update(_ p: Int) -> (change: Double, size: Double) {
                                    let row = p * width
                                    let scale = inverse[p]
                                    var change = 0.0, size = 0.0
                                    if width == 1 {
                                        var sum = 0.0
                                        for e in start[p] ..< start[p + 1] { sum += amount[e] * x[Int(source[e])] }
                                        let value = b[row] + sum * scale
                                        change = abs(value - x[row])
                                        size = value
                                        x[row] = value
                                        return (change, size)
                                    }
                                    for c in 0 ..< width { acc[c] = 0 }
                                    for e in start[p] ..< start[p + 1] {
                                        let a = amount[e]
                                        let from = Int(source[e]) * width
                                        for c in 0 ..< width { acc[c] += a * x[from + c] }
                                    }
                                    for c in 0 ..< width {
                                        let value = b[row + c] + acc[c] * scale
                                        change = max(change, abs(value - x[row + c]))
                                        size = max(size, value)
                                        x[row + c] = value
                                    }
                                    return (change, size)
                                }

                                for block in 0 ..< blockIsCyclic.count {
                                    let members = blockStart[block] ..< blockStart[block + 1]
                                    guard blockIsCyclic[block] else {
                                        for p in members { _ = update(p) }
                                        mostSweeps = max(mostSweeps, 1)
                                        continue
                                    }
                                    var previousChange = Double.infinity
                                    var sweeps = 0
                                    while true {
                                        sweeps += 1
                                        var change = 0.0, size = 0.0
                                        for p in members {
                                            let result = update(p)
                                            change = max(change, result.change)
                                            size = max(size, result.size)
                                        }
                                        let bound = tolerance * size
                                        if change <= bound {
                                            if change == 0 { break }
                                            let ratio = change / previousChange
                                            if ratio < 1, change * ratio / (1 - ratio) <= bound { break }
                                        }
                                        if sweeps >= maxSweeps {
                                            failure = .didNotConverge(
                                                sweeps: sweeps, change: change, node: Int(nodeAt[members.lowerBound]))
                                            return
                                        }
                                        previousChange = change
                                    }
                                    mostSweeps = max(mostSweeps, sweeps)
                                }
                            }
                        }
                    }
                }
            }
        }
        if let failure { return .failure(failure) }

        // Back to mixing-index order for the assembler.
        var mixes = [Double](repeating: 0, count: k * width)
        for j in 0 ..< k {
            let from = Int(position[j]) * width, to = j * width
            for c in 0 ..< width { mixes[to + c] = x[from + c] }
        }
        return .success((mixes, mostSweeps))
    }
}
