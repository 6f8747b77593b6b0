/// Turns solved pool mixes into each node's revenue mix, group of label columns by group, and packs the positive shares into per-node sparse rows.
///
/// A mixing node without an opening balance has its inflows as its pool, so its revenue mix is its
/// pool mix and needs no pass over its in-edges; every other node with inflow (origins, nodes with
/// a balance, nodes in unfed loops) sums its payers' outgoing mixes.
struct RevenueMixAssembler {
    /// The positive shares of one group of columns, node by node.
    struct GroupRows: Sendable {
        /// Entries of each node in this group (at most the group's width).
        var count: [UInt8] = []
        var label: [Int32] = []
        var share: [Double] = []
        /// Shares of the unattributed column, when the group holds it.
        var unattributedNode: [Int32] = []
        var unattributedShare: [Double] = []
    }

    let problem: FundsTraceProblem
    private var groups: [GroupRows]

    /// An assembly of `groupCount` column groups for `problem`.
    init(problem: FundsTraceProblem, groupCount: Int) {
        self.problem = problem
        groups = [GroupRows](repeating: GroupRows(), count: groupCount)
    }

    /// Records group `index`'s rows.
    mutating func set(_ index: Int, _ rows: GroupRows) {
        groups[index] = rows
    }

    /// The revenue shares of columns `first ..< first + width`, given the pool mix of mixing index j in `mixes[rowOf[j]]` (or `mixes[j]` without `rowOf`).
    static func rows<V: SIMD>(
        problem: FundsTraceProblem,
        first: Int,
        width: Int,
        mixes: MixRows<V>,
        rowOf: [Int32]?
    ) -> GroupRows where V.Scalar == Double {
        var rows = GroupRows()
        rows.count = [UInt8](repeating: 0, count: problem.nodeCount)
        let inEdges = problem.inEdges
        inEdges.withUnsafeRows { inRows, payers, amounts in
            do {
                let x = mixes.rows
                @inline(__always)
                func mix(ofMixing j: Int) -> V { x[rowOf.map { Int($0[j]) } ?? j] }
                for v in 0 ..< problem.nodeCount {
                    let inflow = problem.inflow[v]
                    guard inflow > 0 else { continue }
                    var revenue: V
                    let j = Int(problem.mixingIndex[v])
                    if j >= 0, problem.balance[v] == 0 {
                        revenue = mix(ofMixing: j)
                    } else {
                        var acc = V()
                        for e in inRows[v] ..< inRows[v + 1] {
                            let u = Int(payers[e])
                            let i = Int(problem.mixingIndex[u])
                            if i >= 0 {
                                acc += amounts[e] * mix(ofMixing: i)
                            } else {
                                let column = Int(problem.emitColumn[u]) - first
                                if column >= 0, column < width { acc[column] += amounts[e] }
                            }
                        }
                        revenue = acc / inflow
                    }
                    var count: UInt8 = 0
                    for c in 0 ..< width where revenue[c] > 0 {
                        let column = first + c
                        if column == problem.unattributedColumn {
                            rows.unattributedNode.append(Int32(truncatingIfNeeded: v))
                            rows.unattributedShare.append(revenue[c])
                        } else {
                            rows.label.append(problem.labels[column])
                            rows.share.append(revenue[c])
                            count += 1
                        }
                    }
                    rows.count[v] = count
                }
            }
        }
        return rows
    }

    /// Per-node rows (offsets, labels ascending, shares) and the unattributed shares, merging the groups in column order; each group is released once copied.
    mutating func finish() -> (start: [Int], label: [Int32], share: [Double], unattributed: [Double]) {
        let n = problem.nodeCount
        var start = [Int](repeating: 0, count: n + 1)
        for group in groups {
            group.count.withUnsafeBufferPointer { count in
                for v in 0 ..< n { start[v + 1] += Int(count[v]) }
            }
        }
        for v in 0 ..< n { start[v + 1] += start[v] }
        var next = start
        let total = start[n]
        var label = [Int32](repeating: 0, count: total)
        var share = [Double](repeating: 0, count: total)
        var unattributed = [Double](repeating: 0, count: n)
        for index in groups.indices {
            let group = groups[index]
            groups[index] = GroupRows()
            var entry = 0
            for v in 0 ..< n {
                for _ in 0 ..< Int(group.count[v]) {
                    label[next[v]] = group.label[entry]
                    share[next[v]] = group.share[entry]
                    next[v] += 1
                    entry += 1
                }
            }
            for (node, value) in zip(group.unattributedNode, group.unattributedShare) { unattributed[Int(node)] = value }
        }
        return (start, label, share, unattributed)
    }
}
