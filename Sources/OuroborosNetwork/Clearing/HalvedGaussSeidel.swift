/// The fixed-point iteration of ``ClearingKernel`` on both cores, without giving up monotonicity or determinism.
extension ClearingKernel {
    /// Chunks per half and sweep: each is folded, then swept (a barrier between the two steps).
    static let chunksPerHalf = 8

    /// Gauss–Seidel from the current (upper) payments, the two halves of the nodes swept at once, each in node
    /// order; returns the sweeps used once a sweep moves no payment by more than the threshold.
    ///
    /// Each half owns its nodes' inflows: a change of payment is pushed at once to creditors in the same half
    /// and into a pending slot for creditors in the other one, whose owner folds it into its inflows chunk by
    /// chunk, just before sweeping that chunk. Inflows and pending slots share one buffer (inflow of c at c,
    /// pending at n + c), so a push picks its slot by arithmetic, not by a branch that would fail half the time. The inflows a node sees are therefore at least the current ones
    /// (payments only fall, so unfolded pushes only lower inflows), every update stays ≥ Φ(p) ≥ p*, and the
    /// payments still decrease monotonically to the greatest clearing vector. No two threads write the same
    /// entry and the phases are fixed, so the result does not depend on timing. On leaving, every pending push
    /// is folded, so `flow` holds the inflows at the final payments.
    func sweepInHalves(_ p: inout [Double], _ flow: inout [Double], halves: RowPartition) throws(ClearingError) -> Int {
        let n = liabilities.nodeCount
        var inflows = [Double](repeating: 0, count: 2 * n)
        inflows.withUnsafeMutableBufferPointer { slots in
            flow.withUnsafeBufferPointer { current in
                for i in 0 ..< n { slots[i] = current[i] }
            }
        }
        var steps = [Double](repeating: 0, count: halves.count)
        let chunks = Self.chunksPerHalf
        var sweeps = 0
        var step = Double.infinity
        let (alpha, beta, slack, threshold, limit) = (alpha, beta, 1 - tolerance, stepThreshold, maxIterations)
        liabilities.withUnsafeRows { rows, columns, weights in
            obligations.withUnsafeBufferPointer { owed in
                external.withUnsafeBufferPointer { ext in
                    p.withUnsafeMutableBufferPointer { payBuffer in
                        flow.withUnsafeMutableBufferPointer { flowBuffer in
                            inflows.withUnsafeMutableBufferPointer { slots in
                                steps.withUnsafeMutableBufferPointer { largest in
                                    let pay = payBuffer.baseAddress!, f = slots.baseAddress!, later = f + n
                                    func chunk(_ k: Int, of half: Range<Int>) -> Range<Int> {
                                        let size = half.count
                                        return (half.lowerBound + size * k / chunks) ..< (half.lowerBound + size * (k + 1) / chunks)
                                    }
                                    while sweeps < limit {
                                        sweeps += 1
                                        for part in 0 ..< largest.count { largest[part] = 0 }
                                        for k in 0 ..< chunks {
                                            halves.forEach { _, half in
                                                for i in chunk(k, of: half) {
                                                    f[i] += later[i]
                                                    later[i] = 0
                                                }
                                            }
                                            halves.forEach { part, half in
                                                var largestStep = largest[part]
                                                let (lower, span) = (half.lowerBound, UInt(half.count))
                                                for i in chunk(k, of: half) {
                                                    let total = owed[i]
                                                    guard total > 0 else { continue }
                                                    let inflow = f[i]
                                                    let value = ext[i] + inflow >= total * slack
                                                        ? total : min(total, max(0, alpha * ext[i] + beta * inflow))
                                                    let delta = value - pay[i]
                                                    if delta == 0 { continue }
                                                    largestStep = max(largestStep, abs(delta))
                                                    pay[i] = value
                                                    let ratio = delta / total
                                                    for e in rows[i] ..< rows[i + 1] {
                                                        let creditor = Int(columns[e])
                                                        let slot = UInt(bitPattern: creditor &- lower) < span ? creditor : n &+ creditor
                                                        f[slot] += weights[e] * ratio
                                                    }
                                                }
                                                largest[part] = largestStep
                                            }
                                        }
                                        step = largest.max() ?? 0
                                        if step <= threshold { break }
                                    }
                                    for i in 0 ..< n { flowBuffer[i] = f[i] + later[i] }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard step <= threshold else { throw .didNotConverge(iterations: sweeps, residual: step) }
        return sweeps
    }
}
