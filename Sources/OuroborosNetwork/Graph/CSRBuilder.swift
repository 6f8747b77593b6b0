/// The O(n + m) counting-sort kernels behind ``CSRGraph``'s initializers and `transposed()`; inputs are already validated.
enum CSRBuilder {
    /// Compressed rows of validated edges: a stable counting sort by target, then a stable one by source
    /// (so each row's targets come out ascending), then one pass that sums runs of equal targets.
    static func build(
        nodeCount n: Int,
        sources: [Int32],
        targets: [Int32],
        amounts: [Double],
        keepSelfLoops: Bool
    ) -> (rowStart: [Int], column: [Int32], weight: [Double]) {
        let m = sources.count
        // Pass 1: bucket the kept edges by target, stable in input order.
        var targetStart = [Int](repeating: 0, count: n + 1)
        var kept = 0
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                targetStart.withUnsafeMutableBufferPointer { start in
                    for i in 0..<m where keepSelfLoops || src[i] != dst[i] {
                        start[Int(dst[i]) + 1] += 1
                        kept += 1
                    }
                    for v in 0..<n { start[v + 1] += start[v] }
                }
            }
        }
        var sourceByTarget = [Int32](repeating: 0, count: kept)
        var amountByTarget = [Double](repeating: 0, count: kept)
        var fill = targetStart
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                amounts.withUnsafeBufferPointer { amt in
                    fill.withUnsafeMutableBufferPointer { next in
                        sourceByTarget.withUnsafeMutableBufferPointer { outSource in
                            amountByTarget.withUnsafeMutableBufferPointer { outAmount in
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
        var rowStart = [Int](repeating: 0, count: n + 1)
        var column = [Int32](repeating: 0, count: kept)
        var weight = [Double](repeating: 0, count: kept)
        var edgeTotal = 0
        sourceByTarget.withUnsafeBufferPointer { bySource in
            amountByTarget.withUnsafeBufferPointer { byAmount in
                targetStart.withUnsafeBufferPointer { tStart in
                    rowStart.withUnsafeMutableBufferPointer { rows in
                        fill.withUnsafeMutableBufferPointer { next in
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
            column = Array(column[0..<edgeTotal])
            weight = Array(weight[0..<edgeTotal])
        }
        return (rowStart, column, weight)
    }

    /// Compressed rows of the reverse graph: one counting sort by target, walking sources in
    /// ascending order so the new rows come out strictly ascending.
    static func transpose(_ graph: CSRGraph) -> (rowStart: [Int], column: [Int32], weight: [Double]) {
        let n = graph.nodeCount
        let m = graph.edgeCount
        var rowStart = [Int](repeating: 0, count: n + 1)
        var column = [Int32](repeating: 0, count: m)
        var weight = [Double](repeating: 0, count: m)
        var next = [Int](repeating: 0, count: n + 1)
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
        return (rowStart, column, weight)
    }
}
