/// Turns solved pool mixes into each node's revenue mix, block of label columns by block, and packs the non-zero shares into per-node sparse rows.
struct RevenueMixAssembler {
    let problem: FundsTraceProblem
    private var entryNode: [Int32] = []
    private var entryLabel: [Int32] = []
    private var entryShare: [Double] = []
    /// Per node, the share of its inflows that traces to no label (closed loops with no source).
    private(set) var unattributed: [Double]

    /// An empty assembly for `problem`.
    init(problem: FundsTraceProblem) {
        self.problem = problem
        unattributed = [Double](repeating: 0, count: problem.nodeCount)
    }

    /// Adds the revenue shares of columns `first ..< first + width`, given the pool mixes of the mixing nodes for those columns.
    mutating func add(first: Int, width: Int, mixes: [Double]) {
        let problem = problem
        var accumulator = [Double](repeating: 0, count: width)
        let inEdges = problem.inEdges
        inEdges.withUnsafeRows { inRows, payers, amounts in
            mixes.withUnsafeBufferPointer { x in
                accumulator.withUnsafeMutableBufferPointer { acc in
                    for v in 0 ..< problem.nodeCount {
                        let inflow = problem.inflow[v]
                        guard inflow > 0 else { continue }
                        for c in 0 ..< width { acc[c] = 0 }
                        for e in inRows[v] ..< inRows[v + 1] {
                            problem.addOutMix(
                                of: Int(payers[e]), times: amounts[e], first: first, width: width, mixes: x, into: acc)
                        }
                        for c in 0 ..< width where acc[c] > 0 {
                            let column = first + c
                            let share = acc[c] / inflow
                            if column == problem.unattributedColumn {
                                unattributed[v] = share
                            } else {
                                entryNode.append(Int32(truncatingIfNeeded: v))
                                entryLabel.append(problem.labels[column])
                                entryShare.append(share)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Per-node rows (offsets, labels ascending, shares) by one stable counting sort of the entries by node.
    func finish() -> (start: [Int], label: [Int32], share: [Double]) {
        let n = problem.nodeCount
        var start = [Int](repeating: 0, count: n + 1)
        for node in entryNode { start[Int(node) + 1] += 1 }
        for v in 0 ..< n { start[v + 1] += start[v] }
        var next = start
        var label = [Int32](repeating: 0, count: entryNode.count)
        var share = [Double](repeating: 0, count: entryNode.count)
        for index in 0 ..< entryNode.count {
            let v = Int(entryNode[index])
            label[next[v]] = entryLabel[index]
            share[next[v]] = entryShare[index]
            next[v] += 1
        }
        return (start, label, share)
    }
}
