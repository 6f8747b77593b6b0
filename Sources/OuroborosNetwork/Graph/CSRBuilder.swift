/// The O(n + m) counting-sort kernels behind ``CSRGraph``'s initializers and `transposed()`; inputs are already validated.
///
/// Each kernel writes into arrays it is given and keeps their capacity, so a caller that rebuilds a
/// graph of similar size again and again (the engine's payments, every period) allocates nothing
/// once the arrays have grown; the one-shot initializers pass fresh arrays.
enum CSRBuilder {
    /// Intermediate arrays of `build`, kept between builds.
    struct Scratch: Sendable {
        var targetStart: [Int] = []
        var fill: [Int] = []
        var sourceByTarget: [Int32] = []
        var amountByTarget: [Double] = []
    }

    /// `array` holding `count` copies of `value`, in its existing buffer when that is large enough.
    @inline(__always)
    static func reset<T>(_ array: inout [T], count: Int, to value: T) {
        array.removeAll(keepingCapacity: true)
        array.append(contentsOf: repeatElement(value, count: count))
    }

    /// Compressed rows of validated edges: a stable counting sort by target, then a stable one by source
    /// (so each row's targets come out ascending), then one pass that sums runs of equal targets.
    static func build(
        nodeCount n: Int,
        sources: [Int32],
        targets: [Int32],
        amounts: [Double],
        keepSelfLoops: Bool
    ) -> (rowStart: [Int], column: [Int32], weight: [Double]) {
        var rowStart: [Int] = []
        var column: [Int32] = []
        var weight: [Double] = []
        var scratch = Scratch()
        build(
            nodeCount: n, sources: sources, targets: targets, amounts: amounts, keepSelfLoops: keepSelfLoops,
            rowStart: &rowStart, column: &column, weight: &weight, scratch: &scratch)
        return (rowStart, column, weight)
    }

    /// `build` into `rowStart`, `column` and `weight`, with `scratch` for the intermediate arrays.
    static func build(
        nodeCount n: Int,
        sources: [Int32],
        targets: [Int32],
        amounts: [Double],
        keepSelfLoops: Bool,
        rowStart: inout [Int],
        column: inout [Int32],
        weight: inout [Double],
        scratch: inout Scratch
    ) {
        let m = sources.count
        // Pass 1: bucket the kept edges by target, stable in input order.
        reset(&scratch.targetStart, count: n + 1, to: 0)
        var kept = 0
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                scratch.targetStart.withUnsafeMutableBufferPointer { start in
                    for i in 0..<m where keepSelfLoops || src[i] != dst[i] {
                        start[Int(dst[i]) + 1] += 1
                        kept += 1
                    }
                    for v in 0..<n { start[v + 1] += start[v] }
                }
            }
        }
        reset(&scratch.sourceByTarget, count: kept, to: 0)
        reset(&scratch.amountByTarget, count: kept, to: 0)
        scratch.fill.removeAll(keepingCapacity: true)
        scratch.fill.append(contentsOf: scratch.targetStart)
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                amounts.withUnsafeBufferPointer { amt in
                    scratch.fill.withUnsafeMutableBufferPointer { next in
                        scratch.sourceByTarget.withUnsafeMutableBufferPointer { outSource in
                            scratch.amountByTarget.withUnsafeMutableBufferPointer { outAmount in
                                for i in 0..<m where keepSelfLoops || src[i] != dst[i] {
                                    let t = Int(dst[i])
                                    let position = next[t]
                                    next[t] = position + 1
                                    outSource[position] = src[i]
                                    outAmount[position] = amt[i]
                                }
                            }
                        }
                    }
                }
            }
        }

        // Pass 2: stable counting sort by source, walking targets in ascending order.
        reset(&rowStart, count: n + 1, to: 0)
        reset(&column, count: kept, to: 0)
        reset(&weight, count: kept, to: 0)
        var edgeTotal = 0
        scratch.sourceByTarget.withUnsafeBufferPointer { bySource in
            scratch.amountByTarget.withUnsafeBufferPointer { byAmount in
                scratch.targetStart.withUnsafeBufferPointer { tStart in
                    rowStart.withUnsafeMutableBufferPointer { rows in
                        scratch.fill.withUnsafeMutableBufferPointer { next in
                            column.withUnsafeMutableBufferPointer { col in
                                weight.withUnsafeMutableBufferPointer { wgt in
                                    for p in 0..<kept { rows[Int(bySource[p]) + 1] += 1 }
                                    for v in 0..<n { rows[v + 1] += rows[v] }
                                    for v in 0...n { next[v] = rows[v] }
                                    for t in 0..<n {
                                        let target = Int32(truncatingIfNeeded: t)
                                        for p in tStart[t]..<tStart[t + 1] {
                                            let s = Int(bySource[p])
                                            let q = next[s]
                                            next[s] = q + 1
                                            col[q] = target
                                            wgt[q] = byAmount[p]
                                        }
                                    }
                                    // Pass 3: sum runs of equal targets in place (writes never overtake reads).
                                    var write = 0
                                    for v in 0..<n {
                                        let begin = rows[v]
                                        let end = rows[v + 1]
                                        rows[v] = write
                                        var last: Int32 = -1
                                        for q in begin..<end {
                                            let w = col[q]
                                            if w == last {
                                                wgt[write - 1] += wgt[q]
                                            } else {
                                                col[write] = w
                                                wgt[write] = wgt[q]
                                                write += 1
                                                last = w
                                            }
                                        }
                                    }
                                    rows[n] = write
                                    edgeTotal = write
                                }
                            }
                        }
                    }
                }
            }
        }
        if edgeTotal < kept {
            column.removeLast(kept - edgeTotal)
            weight.removeLast(kept - edgeTotal)
        }
    }

    /// Compressed rows of the reverse graph: one counting sort by target, walking sources in
    /// ascending order so the new rows come out strictly ascending.
    static func transpose(_ graph: CSRGraph) -> (rowStart: [Int], column: [Int32], weight: [Double]) {
        var rowStart: [Int] = []
        var column: [Int32] = []
        var weight: [Double] = []
        var next: [Int] = []
        transpose(graph, rowStart: &rowStart, column: &column, weight: &weight, fill: &next)
        return (rowStart, column, weight)
    }

    /// `transpose` into `rowStart`, `column` and `weight`, with `fill` as the scratch row cursors.
    static func transpose(
        _ graph: CSRGraph, rowStart: inout [Int], column: inout [Int32], weight: inout [Double], fill next: inout [Int]
    ) {
        let n = graph.nodeCount
        let m = graph.edgeCount
        reset(&rowStart, count: n + 1, to: 0)
        reset(&column, count: m, to: 0)
        reset(&weight, count: m, to: 0)
        reset(&next, count: n + 1, to: 0)
        graph.withUnsafeRows { rows, col, wgt in
            rowStart.withUnsafeMutableBufferPointer { outRows in
                next.withUnsafeMutableBufferPointer { fill in
                    column.withUnsafeMutableBufferPointer { outCol in
                        weight.withUnsafeMutableBufferPointer { outWgt in
                            for e in 0..<m { outRows[Int(col[e]) + 1] += 1 }
                            for v in 0..<n { outRows[v + 1] += outRows[v] }
                            for v in 0...n { fill[v] = outRows[v] }
                            for u in 0..<n {
                                let source = Int32(truncatingIfNeeded: u)
                                for e in rows[u]..<rows[u + 1] {
                                    let w = Int(col[e])
                                    let q = fill[w]
                                    fill[w] = q + 1
                                    outCol[q] = source
                                    outWgt[q] = wgt[e]
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
