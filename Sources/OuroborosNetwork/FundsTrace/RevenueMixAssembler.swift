/// Turns solved pool mixes into each node's revenue mix, group of label columns by group, writing the shares straight into the final per-node rows.
///
/// Which shares are positive is known before solving: label c reaches node v when a chain of
/// positive payments runs from c's node to v through mixing nodes. Those sets (bit masks, 64 labels a
/// word) give every node's row length and every group's place in it, so the groups (solved in any
/// order, on any thread) write their shares in place and no copy of the output is ever held; a
/// share that comes out ≤ 0 numerically is dropped by one compaction pass at the end.
///
/// A mixing node without an opening balance has its inflows as its pool, so its revenue mix is its
/// pool mix and needs no pass over its in-edges; every other node with inflow (origins, nodes with
/// a balance, nodes in unfed loops) sums its payers' outgoing mixes.
struct RevenueMixAssembler: Sendable {
    /// 64-bit words of label columns per node.
    private(set) var words = 1
    /// Per node (node-major, `words` each): the columns of its revenue mix that can be positive.
    private(set) var reach: [UInt64] = []
    /// Row offsets of the output, `nodeCount + 1` entries (before compaction).
    private(set) var start: [Int] = [0]
    /// Scratch of `layOut`, kept so that laying out again allocates nothing.
    private var pool: [UInt64] = []
    private var queued: [Bool] = []
    private var queue: [Int32] = []

    /// An assembler with nothing laid out yet.
    init() {}

    /// The reach sets and row layout of `problem`; O((n + m) · words) with a work list over the payments.
    init(problem: FundsTraceProblem) {
        layOut(problem)
        pool = []
        queued = []
        queue = []
    }

    /// Lays out the reach sets and output rows of `problem` in the assembler's own buffers.
    mutating func layOut(_ problem: FundsTraceProblem) {
        let n = problem.nodeCount
        let words = max(1, (problem.columnCount + 63) / 64)
        self.words = words
        let payments = problem.payments
        CSRBuilder.reset(&reach, count: n * words, to: 0)
        CSRBuilder.reset(&pool, count: n, to: 0)
        CSRBuilder.reset(&queued, count: n, to: false)
        for word in 0..<words {
            @inline(__always)
            func bit(_ column: Int32) -> UInt64 {
                let c = Int(column) - word * 64
                return c >= 0 && c < 64 ? 1 << UInt64(c) : 0
            }
            // Pool reach of the mixing nodes: own balance, emitters paying in, then along payments.
            for v in 0..<n { pool[v] = problem.mixingIndex[v] >= 0 ? bit(problem.balanceColumn[v]) : 0 }
            for u in 0..<n where problem.emitColumn[u] >= 0 {
                let b = bit(problem.emitColumn[u])
                for e in payments.edges(from: u) where payments.weight[e] > 0 {
                    let v = Int(payments.column[e])
                    if problem.mixingIndex[v] >= 0 { pool[v] |= b }
                }
            }
            queue.removeAll(keepingCapacity: true)
            for v in 0..<n where pool[v] != 0 {
                queue.append(Int32(truncatingIfNeeded: v))
                queued[v] = true
            }
            var head = 0
            while head < queue.count {
                let u = Int(queue[head])
                head += 1
                queued[u] = false
                let mask = pool[u]
                for e in payments.edges(from: u) where payments.weight[e] > 0 {
                    let v = Int(payments.column[e])
                    guard problem.mixingIndex[v] >= 0, pool[v] | mask != pool[v] else { continue }
                    pool[v] |= mask
                    if !queued[v] {
                        queued[v] = true
                        queue.append(Int32(truncatingIfNeeded: v))
                    }
                }
                if head > 1 << 20, head * 2 > queue.count {
                    queue.removeFirst(head)
                    head = 0
                }
            }
            // Revenue reach: the pool's for a mixing node without balance, else what its payers send.
            let inEdges = problem.inEdges
            for v in 0..<n where problem.inflow[v] > 0 {
                if problem.mixingIndex[v] >= 0, problem.balance[v] == 0 {
                    reach[v * words + word] = pool[v]
                    continue
                }
                var mask: UInt64 = 0
                for e in inEdges.edges(from: v) where inEdges.weight[e] > 0 {
                    let u = Int(inEdges.column[e])
                    mask |= problem.mixingIndex[u] >= 0 ? pool[u] : bit(problem.emitColumn[u])
                }
                reach[v * words + word] = mask
            }
        }
        CSRBuilder.reset(&start, count: n + 1, to: 0)
        let unattributed = problem.unattributedColumn
        for v in 0..<n {
            var count = 0
            for word in 0..<words { count += reach[v * words + word].nonzeroBitCount }
            if let unattributed, reach[v * words + unattributed / 64] & (1 << UInt64(unattributed % 64)) != 0 { count -= 1 }
            start[v + 1] = start[v] + count
        }
    }

    /// Writes the revenue shares of columns `first ..< first + width` (a group inside one 64-column word), given the pool mix of mixing index j in
    /// `mixes[rowOf[j]]` (or `mixes[j]` without `rowOf`); returns how many written shares are not positive.
    func write<V: SIMD>(
        _ problem: FundsTraceProblem,
        first: Int,
        width: Int,
        mixes: MixRows<V>,
        rowOf: [Int32]?,
        into output: MixOutput
    ) -> Int where V.Scalar == Double {
        let x = mixes.rows
        return write(problem, first: first, width: width, lanes: V.self, into: output) { j in x[rowOf.map { Int($0[j]) } ?? j] }
    }

    /// `write` with the pool mixes of columns `first ..< first + width` in a flat row-major buffer of
    /// `V.scalarCount` values per mixing index, the lanes past `width` zero (the exact solver's output).
    func write<V: SIMD>(
        _ problem: FundsTraceProblem,
        first: Int,
        width: Int,
        lanes: V.Type,
        padded: UnsafeBufferPointer<Double>,
        into output: MixOutput
    ) -> Int where V.Scalar == Double {
        let base = UnsafeRawPointer(padded.baseAddress!)
        let rowBytes = V.scalarCount * MemoryLayout<Double>.stride
        return write(problem, first: first, width: width, lanes: V.self, into: output) { j in
            base.loadUnaligned(fromByteOffset: j * rowBytes, as: V.self)
        }
    }

    /// The shared assembly: `mix(j)` is the pool mix of mixing index j as one SIMD row (lanes past `width` zero).
    @inline(__always)
    private func write<V: SIMD>(
        _ problem: FundsTraceProblem,
        first: Int,
        width: Int,
        lanes: V.Type,
        into output: MixOutput,
        mix source: (Int) -> V
    ) -> Int where V.Scalar == Double {
        let word = first / 64
        let shift = UInt64(first % 64)
        let groupBits: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        let below: UInt64 = (1 << shift) - 1
        var holes = 0
        @inline(__always)
        func mix(ofMixing j: Int) -> V { source(j) }
        problem.inEdges.withUnsafeRows { inRows, payers, amounts in
            reach.withUnsafeBufferPointer { reach in
                for v in 0..<problem.nodeCount {
                    let mask = reach[v * words + word]
                    let bits = (mask >> shift) & groupBits
                    guard bits != 0 else { continue }
                    var revenue: V
                    let j = Int(problem.mixingIndex[v])
                    if j >= 0, problem.balance[v] == 0 {
                        revenue = mix(ofMixing: j)
                    } else {
                        var acc = V()
                        for e in inRows[v]..<inRows[v + 1] {
                            let u = Int(payers[e])
                            let i = Int(problem.mixingIndex[u])
                            if i >= 0 {
                                acc += amounts[e] * mix(ofMixing: i)
                            } else {
                                let column = Int(problem.emitColumn[u]) - first
                                if column >= 0, column < width { acc[column] += amounts[e] }
                            }
                        }
                        revenue = acc / problem.inflow[v]
                    }
                    var slot = start[v] + (mask & below).nonzeroBitCount
                    for w in 0..<word { slot += reach[v * words + w].nonzeroBitCount }
                    for c in 0..<width where bits & (1 << UInt64(c)) != 0 {
                        let column = first + c
                        let value = revenue[c]
                        if column == problem.unattributedColumn {
                            output.unattributed[v] = value > 0 ? value : 0
                        } else {
                            output.label[slot] = problem.labels[column]
                            output.share[slot] = value
                            if !(value > 0) { holes += 1 }
                            slot += 1
                        }
                    }
                }
            }
        }
        return holes
    }

    /// Removes the shares that came out ≤ 0 from `label`/`share` and returns the row offsets after removal.
    func compact(label: inout [Int32], share: inout [Double]) -> [Int] {
        var kept: [Int] = []
        compact(label: &label, share: &share, rows: &kept)
        return kept
    }

    /// `compact` writing the row offsets into `kept` (its buffer reused).
    func compact(label: inout [Int32], share: inout [Double], rows kept: inout [Int]) {
        kept.removeAll(keepingCapacity: true)
        kept.append(contentsOf: start)
        var to = 0
        for v in 0..<start.count - 1 {
            for e in start[v]..<start[v + 1] where share[e] > 0 {
                label[to] = label[e]
                share[to] = share[e]
                to += 1
            }
            kept[v + 1] = to
        }
        label.removeLast(label.count - to)
        share.removeLast(share.count - to)
    }
}

/// The output rows the column groups write into concurrently, each slot by exactly one group.
struct MixOutput: @unchecked Sendable {
    let label: UnsafeMutableBufferPointer<Int32>
    let share: UnsafeMutableBufferPointer<Double>
    let unattributed: UnsafeMutableBufferPointer<Double>
}
