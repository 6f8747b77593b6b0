/// Eisenberg–Noe's fixed point by Gauss–Seidel sweeps with Anderson mixing of depth one, and the check that what it
/// converged to is the greatest clearing vector.
///
/// Why. From p = p̄ the monotone sweeps of ``ClearingKernel/monotoneFixedPoint()`` shrink the error by a nearly
/// constant factor per sweep (0.34 on the benchmark's 1M-node network): one slowly decaying direction dominates
/// (the defaulters' block Πᵀ_DD has one real eigenvalue well above the rest). Mixing each sweep's result with the
/// previous one, with the weight that minimises the change (Anderson 1965; Walker & Ni 2011, depth one), removes
/// that direction, and the error then falls at the rate of the rest of the spectrum: 16 sweeps instead of 22 there.
///
/// Why it still gives the greatest clearing vector. Mixing leaves the monotone path, so the iterate may pass below
/// p*, and in general Φ can have several fixed points. But a clearing vector x whose default set
/// D = {i : xᵢ < p̄ᵢ} has ρ(Π_DD) < 1 is the greatest one: for d = p* − x ≥ 0, dᵢ = 0 off D (there xᵢ = p̄ᵢ ≥ p*ᵢ)
/// and d_D ≤ Πᵀ_DD d_D, so (I − Πᵀ_DD) d_D ≤ 0 and d_D ≤ 0 (its inverse is ≥ 0). Πᵢⱼ is row-substochastic on D,
/// so ρ(Π_DD) < 1 exactly when every defaulter reaches, along positive obligations between defaulters, one that
/// owes something to a non-defaulter (``defaultersDrain(_:)``). When that fails (a closed ring of defaulters
/// owing only each other, where several clearing vectors can exist) the caller falls back to the monotone
/// iteration. Rogers–Veraart's map jumps at default, so it always uses the monotone iteration.
extension ClearingKernel {
    /// The fixed point from p̄ by Gauss–Seidel sweeps with depth-one Anderson mixing after each (``ClearingSweeps``);
    /// nil when the result is not certified as the greatest clearing vector (see the extension's comment). The
    /// iteration stops after the first sweep whose largest change is at most `tolerance × max p̄`, before mixing, so
    /// the answer is a sweep's output as in the monotone iteration. Only for α = β = 1.
    func andersonFixedPoint() throws(ClearingError) -> ClearingVector? {
        precondition(alpha == 1 && beta == 1, "Anderson mixing is only used for Eisenberg–Noe")
        let swept = try sweepFromObligations(mixing: true)
        return defaultersDrain(swept.payments) ? fixedPointVector(swept) : nil
    }

    /// True when every node paying less than it owes reaches, along positive obligations among such nodes, one that
    /// owes a positive amount to a node paying in full (or owing nothing): then ρ(Π_DD) < 1 for the default set D.
    ///
    /// Marks the draining defaulters in passes over the defaulters' rows, alternating direction, until no mark is
    /// added; gives up (false) after `passLimit` passes, which only costs the caller the monotone iteration.
    func defaultersDrain(_ payments: [Double], passLimit: Int = 64) -> Bool {
        let n = liabilities.nodeCount
        // 0: pays in full (a drain), 1: defaulter not yet known to drain, 2: defaulter that drains.
        var state = [UInt8](repeating: 0, count: n)
        var undecided = 0
        liabilities.withUnsafeRows { rows, columns, weights in
            obligations.withUnsafeBufferPointer { owed in
                payments.withUnsafeBufferPointer { paid in
                    state.withUnsafeMutableBufferPointer { mark in
                        for i in 0..<n where owed[i] > 0 && paid[i] < owed[i] {
                            mark[i] = 1
                            undecided += 1
                        }
                        var passes = 0
                        while undecided > 0 && passes < passLimit {
                            let forward = passes % 2 == 0
                            passes += 1
                            var marked = 0
                            for k in 0..<n {
                                let i = forward ? k : n - 1 - k
                                guard mark[i] == 1 else { continue }
                                for e in rows[i]..<rows[i + 1] where weights[e] > 0 && mark[Int(columns[e])] != 1 {
                                    mark[i] = 2
                                    marked += 1
                                    break
                                }
                            }
                            undecided -= marked
                            if marked == 0 { return }
                        }
                    }
                }
            }
        }
        return undecided == 0
    }
}
