/// The iterative solver of ``FundsTrace``: block Gauss–Seidel over compressed rows, one strongly connected block of mixing nodes at a time in
/// topological order (payers first), so acyclic parts are solved in a single pass and only cycles iterate; each sweep of a cyclic block is followed
/// by a coarse correction that removes its slowly leaking mode.
///
/// Why the correction. Within a cyclic block the unknowns are absorption probabilities of money
/// walked back along payments; when few labels feed a large block (a million nodes, eight
/// origins), almost no money leaks out per step and plain sweeps contract by about 1 − 10⁻⁴. The
/// slow error is nearly the same at every node, so after each sweep the block's mixes are shifted
/// by one constant per column, chosen so that the pool-weighted residual of the block is zero:
/// `α = (C − Σ_p g_p x_p) / Σ_p g_p`, where `g_p` is node p's pool minus what it pays within the
/// block and `C` is the money entering the block's pools from outside it (balances, emitters,
/// upstream blocks). At the solution the residual is zero, so α is zero: the fixed point is the
/// exact mix. Sweeps then contract at the rate of the fast modes (a few tenths); if a correction
/// ever makes a sweep change more than the one before, the block goes on without corrections
/// (plain Gauss–Seidel, which converges for this M-matrix from any start).
///
/// Convergence of a block: the largest change `Δ` of a sweep (its own updates and the correction)
/// is at most `tolerance × s` (s = the largest value in the block) and, once a contraction ratio
/// `r = Δ_k / Δ_{k-1} < 1` is observed, the estimated remaining error `Δ · r / (1 − r)` is too, in three
/// consecutive sweeps (a single small ratio can be noise: a slowly leaking loop stopped there with
/// errors a thousand times the tolerance); otherwise it gives up after `maxSweeps` sweeps.
///
/// Layout: mixing nodes are renumbered into sweep positions (blocks in topological order), and
/// their in-edges are stored once in that numbering, split into edges from other mixing nodes (the
/// sweep's only random access is the payer's row of `x`) and edges from emitters, which are
/// constant and folded into a sparse right-hand side once per column group. A group of up to 8
/// label columns is one SIMD row per node, so a payer's row is one 64-byte load.
struct GaussSeidelMixSolver: Sendable {
    let problem: FundsTraceProblem
    /// Sweep position of each mixing index.
    let position: [Int32]
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
    /// Per sweep position: 1 / pool, and the opening balance's column (-1 for none).
    private let inversePool: [Double]
    private let balanceColumn: [Int32]
    /// Per sweep position: the pool minus the payments to nodes of the same cyclic block (the coarse weights g).
    private let coarseWeight: [Double]
    /// Per block: Σ g over its members (the money leaking into the block's pools from outside; > 0 for a fed cyclic block).
    private let blockLeak: [Double]
    /// Node id of each sweep position (for error reports).
    private let nodeAt: [Int32]

    /// Orders the mixing nodes by the strongly connected blocks of the payments among them and lays their in-edges out in that order; O(n + m).
    init(problem: FundsTraceProblem) {
        let k = problem.mixingCount
        let inEdges = problem.inEdges

        // Blocks: strongly connected components of the payments among mixing nodes (Tarjan on the
        // payments themselves, other nodes filtered out), payers first. A zero payment may merge two
        // blocks; the merged block is still in topological order and is simply swept to convergence.
        var emitted: [Int32] = []
        emitted.reserveCapacity(k)
        var emittedSize: [Int] = []
        var emittedCyclic: [Bool] = []
        let payments = problem.payments
        let workspace = TarjanWorkspace(nodeCount: problem.nodeCount)
        payments.withUnsafeRows { rows, columns, _ in
            problem.mixingIndex.withUnsafeBufferPointer { mixingIndex in
                let filter = MixingNodes(index: mixingIndex.baseAddress!)
                workspace.run(rowStart: rows, column: columns, roots: 0..<problem.nodeCount, filter: filter) { members in
                    for node in members { emitted.append(mixingIndex[Int(node)]) }
                    emittedSize.append(members.count)
                    emittedCyclic.append(members.count > 1 || payments.hasSelfLoop(Int(members[0])))
                }
            }
        }
        var order: [Int32] = []
        order.reserveCapacity(k)
        var blockStart = [0]
        var blockIsCyclic: [Bool] = []
        // Tarjan emits sinks first, so the blocks in reverse put payers before payees.
        var end = emitted.count
        for c in stride(from: emittedSize.count - 1, through: 0, by: -1) {
            // Ascending within a block: on a random million-node loop this order needs 18 sweeps, Tarjan's stack order 22.
            order.append(contentsOf: emitted[(end - emittedSize[c])..<end].sorted())
            end -= emittedSize[c]
            blockStart.append(order.count)
            blockIsCyclic.append(emittedCyclic[c])
        }
        emitted = []
        var position = [Int32](repeating: 0, count: k)
        var blockOf = [Int32](repeating: 0, count: k)
        for block in 0..<blockIsCyclic.count {
            for p in blockStart[block]..<blockStart[block + 1] {
                position[Int(order[p])] = Int32(truncatingIfNeeded: p)
                blockOf[p] = Int32(truncatingIfNeeded: block)
            }
        }

        // In-edges by sweep position.
        var mixingStart = [0]
        var emitterStart = [0]
        var mixingSource: [Int32] = []
        var emitterColumn: [Int32] = []
        var mixingAmount: [Double] = []
        var emitterAmount: [Double] = []
        mixingStart.reserveCapacity(k + 1)
        emitterStart.reserveCapacity(k + 1)
        mixingSource.reserveCapacity(inEdges.edgeCount)
        mixingAmount.reserveCapacity(inEdges.edgeCount)
        var inversePool = [Double](repeating: 0, count: k)
        var balanceColumn = [Int32](repeating: -1, count: k)
        var coarseWeight = [Double](repeating: 0, count: k)
        var nodeAt = [Int32](repeating: 0, count: k)
        for p in 0..<k {
            let v = Int(problem.mixingNodes[Int(order[p])])
            nodeAt[p] = Int32(truncatingIfNeeded: v)
            inversePool[p] = 1 / problem.pool[v]
            coarseWeight[p] += problem.pool[v]
            balanceColumn[p] = problem.balanceColumn[v]
            for e in inEdges.edges(from: v) where inEdges.weight[e] > 0 {
                let u = Int(inEdges.column[e])
                let i = Int(problem.mixingIndex[u])
                if i >= 0 {
                    let source = position[i]
                    mixingSource.append(source)
                    mixingAmount.append(inEdges.weight[e])
                    if blockOf[Int(source)] == blockOf[p] { coarseWeight[Int(source)] -= inEdges.weight[e] }
                } else if problem.emitColumn[u] >= 0 {
                    emitterColumn.append(problem.emitColumn[u])
                    emitterAmount.append(inEdges.weight[e])
                }
            }
            mixingStart.append(mixingSource.count)
            emitterStart.append(emitterColumn.count)
        }
        var blockLeak = [Double](repeating: 0, count: blockIsCyclic.count)
        for block in 0..<blockIsCyclic.count where blockIsCyclic[block] {
            for p in blockStart[block]..<blockStart[block + 1] { blockLeak[block] += coarseWeight[p] }
        }
        // The layout above is the solver's copy of the mixing edges; the assembly needs only a few rows.
        self.problem = problem.keepingAssemblyInEdges()
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
        self.balanceColumn = balanceColumn
        self.coarseWeight = coarseWeight
        self.blockLeak = blockLeak
        self.nodeAt = nodeAt
    }

    /// Pool mixes of every mixing node for columns `first ..< first + width` (width ≤ `V.scalarCount`), one SIMD row per sweep position (unused
    /// lanes 0), and the most sweeps any block needed.
    func solve<V: SIMD>(
        first: Int,
        width: Int,
        lanes: V.Type,
        tolerance: Double,
        maxSweeps: Int
    ) -> Result<(mixes: MixRows<V>, sweeps: Int), FundsTraceError> where V.Scalar == Double {
        precondition(width >= 1 && width <= V.scalarCount)
        let k = problem.mixingCount
        // Constant part of the rows that have one (balance and emitter inflows, divided by the pool), by ascending position.
        var rhsAt: [Int32] = []
        var rhs: [V] = []
        for p in 0..<k {
            var row = V()
            var any = false
            let own = Int(balanceColumn[p]) - first
            if own >= 0, own < width {
                row[own] += problem.balance[Int(nodeAt[p])]
                any = true
            }
            for e in emitterStart[p]..<emitterStart[p + 1] {
                let column = Int(emitterColumn[e]) - first
                if column >= 0, column < width {
                    row[column] += emitterAmount[e]
                    any = true
                }
            }
            if any {
                rhsAt.append(Int32(truncatingIfNeeded: p))
                rhs.append(row * inversePool[p])
            }
        }
        rhsAt.append(Int32.max)

        let mixes = MixRows<V>(count: k)
        let x = mixes.rows
        var failure: FundsTraceError?
        var mostSweeps = 0
        mixingStart.withUnsafeBufferPointer { start in
            mixingSource.withUnsafeBufferPointer { source in
                mixingAmount.withUnsafeBufferPointer { amount in
                    inversePool.withUnsafeBufferPointer { inverse in
                        coarseWeight.withUnsafeBufferPointer { g in
                            rhsAt.withUnsafeBufferPointer { rhsAt in
                                rhs.withUnsafeBufferPointer { rhs in
                                    do {
                                        /// One sweep over positions `members` in place, starting at right-hand side entry `r`; returns the largest
                                        /// change and value, and the g-weighted sum of the new rows.
                                        @inline(__always)
                                        func sweep(
                                            _ members: Range<Int>, rhsFrom r: Int
                                        ) -> (change: V, size: V, weighted: V) {
                                            var r = r
                                            var change = V()
                                            var size = V()
                                            var weighted = V()
                                            for p in members {
                                                var acc = V()
                                                for e in start[p]..<start[p + 1] {
                                                    acc += amount[e] * x[Int(source[e])]
                                                }
                                                var value = acc * inverse[p]
                                                if Int(rhsAt[r]) == p {
                                                    value = rhs[r] + value
                                                    r += 1
                                                }
                                                let step = value - x[p]
                                                change = lanewiseMax(change, lanewiseMax(step, -step))
                                                size = lanewiseMax(size, value)
                                                weighted += g[p] * value
                                                x[p] = value
                                            }
                                            return (change, size, weighted)
                                        }

                                        var r = 0
                                        for block in 0..<blockIsCyclic.count {
                                            let members = blockStart[block]..<blockStart[block + 1]
                                            while Int(rhsAt[r]) < members.lowerBound { r += 1 }
                                            guard blockIsCyclic[block] else {
                                                _ = sweep(members, rhsFrom: r)
                                                mostSweeps = max(mostSweeps, 1)
                                                continue
                                            }
                                            // Money entering the block's pools from outside it, per column.
                                            var inflowFromOutside = V()
                                            var q = r
                                            for p in members {
                                                if Int(rhsAt[q]) == p {
                                                    inflowFromOutside += rhs[q] / inverse[p]
                                                    q += 1
                                                }
                                                for e in start[p]..<start[p + 1] where Int(source[e]) < members.lowerBound {
                                                    inflowFromOutside += amount[e] * x[Int(source[e])]
                                                }
                                            }
                                            let leak = blockLeak[block]
                                            var correcting = leak > 0
                                            var previousChange = Double.infinity
                                            var settledSweeps = 0  // consecutive sweeps meeting the stop rule
                                            var sweeps = 0
                                            while true {
                                                sweeps += 1
                                                let result = sweep(members, rhsFrom: r)
                                                var changeLanes = result.change
                                                if correcting {
                                                    let shift = (inflowFromOutside - result.weighted) / leak
                                                    for p in members { x[p] += shift }
                                                    changeLanes = lanewiseMax(changeLanes, lanewiseMax(shift, -shift))
                                                }
                                                let change = changeLanes.max()
                                                let size = result.size.max()
                                                let bound = tolerance * size
                                                if change == 0 { break }
                                                let ratio = change / previousChange
                                                // One small ratio can be noise (a correction, a mode changing
                                                // sign); three sweeps in a row must meet the rule.
                                                if change <= bound, ratio < 1, change * ratio / (1 - ratio) <= bound {
                                                    settledSweeps += 1
                                                    if settledSweeps >= 3 { break }
                                                } else {
                                                    settledSweeps = 0
                                                }
                                                if sweeps >= maxSweeps {
                                                    failure = .didNotConverge(
                                                        sweeps: sweeps, change: change, node: Int(nodeAt[members.lowerBound]))
                                                    return
                                                }
                                                // A correction that stops the sweeps from contracting is switched off for good.
                                                if correcting, sweeps > 2, change >= previousChange { correcting = false }
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
            }
        }
        if let failure { return .failure(failure) }
        return .success((mixes, mostSweeps))
    }
}

/// The larger of `a` and `b` in each lane (inlined, unlike the standard library's generic `pointwiseMax`).
@inline(__always)
private func lanewiseMax<V: SIMD>(_ a: V, _ b: V) -> V where V.Scalar == Double {
    var result = a
    for lane in result.indices where b[lane] > result[lane] { result[lane] = b[lane] }
    return result
}

/// The mixing nodes (mixing index ≥ 0), as a filter for Tarjan's search.
private struct MixingNodes: NodeFilter {
    let index: UnsafePointer<Int32>
    @inline(__always) func contains(_ node: Int) -> Bool { index[node] >= 0 }
}
