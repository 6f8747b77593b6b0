/// The iterative solver of ``FundsTrace``: block Gauss–Seidel over compressed rows, one strongly connected block of mixing nodes at a time in topological order (payers first), so acyclic parts are solved in a single pass and only cycles iterate.
///
/// A cyclic block is swept (nodes ascending, updated in place) until the largest change `Δ` in a
/// sweep is at most `tolerance × s` (s = the largest value in the block) and, once a contraction
/// ratio `r = Δ_k / Δ_{k-1} < 1` is observed, the estimated remaining error `Δ · r / (1 − r)` is
/// too; otherwise it gives up after `maxSweeps` sweeps. Sweeps start from zero, so iterates rise
/// monotonically to the minimal non-negative solution.
struct GaussSeidelMixSolver {
    let problem: FundsTraceProblem
    /// Mixing indices grouped by block, blocks in topological order.
    private let order: [Int32]
    /// Offsets of the blocks in `order`.
    private let blockStart: [Int]
    /// Whether each block is cyclic (and so needs sweeps).
    private let blockIsCyclic: [Bool]

    /// Orders the mixing nodes by the strongly connected blocks of the payments among them; O(n + m).
    init(problem: FundsTraceProblem) {
        self.problem = problem
        let k = problem.mixingCount
        var sources: [Int32] = []
        var targets: [Int32] = []
        var amounts: [Double] = []
        let inEdges = problem.inEdges
        for (j, node) in problem.mixingNodes.enumerated() {
            let v = Int(node)
            for e in inEdges.edges(from: v) where inEdges.weight[e] > 0 {
                let i = problem.mixingIndex[Int(inEdges.column[e])]
                if i >= 0 {
                    sources.append(i)
                    targets.append(Int32(truncatingIfNeeded: j))
                    amounts.append(1)
                }
            }
        }
        let built = CSRBuilder.build(nodeCount: k, sources: sources, targets: targets, amounts: amounts, keepSelfLoops: true)
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
        self.order = order
        self.blockStart = blockStart
        self.blockIsCyclic = blockIsCyclic
    }

    /// Pool mixes of every mixing node for columns `first ..< first + width` (row-major, `width` per node), and the most sweeps any block needed.
    func solve(
        first: Int,
        width: Int,
        tolerance: Double,
        maxSweeps: Int
    ) -> Result<(mixes: [Double], sweeps: Int), FundsTraceError> {
        let problem = problem
        let k = problem.mixingCount
        var mixes = [Double](repeating: 0, count: k * width)
        var accumulator = [Double](repeating: 0, count: width)
        var failure: FundsTraceError?
        var mostSweeps = 0
        problem.inEdges.withUnsafeRows { inRows, payers, amounts in
            problem.mixingNodes.withUnsafeBufferPointer { mixingNodes in
                problem.balance.withUnsafeBufferPointer { balance in
                    problem.pool.withUnsafeBufferPointer { pool in
                        problem.balanceColumn.withUnsafeBufferPointer { balanceColumn in
                            mixes.withUnsafeMutableBufferPointer { x in
                                accumulator.withUnsafeMutableBufferPointer { acc in
                                    /// Recomputes the row of mixing index j; returns (largest change, largest value).
                                    func update(_ j: Int) -> (change: Double, size: Double) {
                                        let v = Int(mixingNodes[j])
                                        for c in 0 ..< width { acc[c] = 0 }
                                        let own = Int(balanceColumn[v]) - first
                                        if own >= 0, own < width { acc[own] = balance[v] }
                                        for e in inRows[v] ..< inRows[v + 1] {
                                            problem.addOutMix(
                                                of: Int(payers[e]), times: amounts[e], first: first, width: width,
                                                mixes: UnsafeBufferPointer(x), into: acc)
                                        }
                                        let scale = 1 / pool[v]
                                        var change = 0.0, size = 0.0
                                        let row = j * width
                                        for c in 0 ..< width {
                                            let value = acc[c] * scale
                                            change = max(change, abs(value - x[row + c]))
                                            size = max(size, value)
                                            x[row + c] = value
                                        }
                                        return (change, size)
                                    }

                                    for block in 0 ..< blockIsCyclic.count {
                                        let members = blockStart[block] ..< blockStart[block + 1]
                                        guard blockIsCyclic[block] else {
                                            for position in members { _ = update(Int(order[position])) }
                                            mostSweeps = max(mostSweeps, 1)
                                            continue
                                        }
                                        var previousChange = Double.infinity
                                        var sweeps = 0
                                        while true {
                                            sweeps += 1
                                            var change = 0.0, size = 0.0
                                            for position in members {
                                                let result = update(Int(order[position]))
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
                                                    sweeps: sweeps, change: change,
                                                    node: Int(mixingNodes[Int(order[members.lowerBound])]))
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
        }
        if let failure { return .failure(failure) }
        return .success((mixes, mostSweeps))
    }
}
