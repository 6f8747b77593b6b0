/// Gauss–Seidel sweeps of p ← Φ(p) in node order, each payment change pushed along the payer's row to the running
/// inflows (Lᵢⱼ Δpᵢ / p̄ᵢ to creditor j), optionally with depth-one Anderson mixing after every sweep.
///
/// A sweep reads every node once but touches only the edges of nodes whose payment changed, with no division per
/// edge and no transposed graph. It is bound by the scattered updates of the inflows, so it runs on one thread:
/// pipelining the sweep over two threads (each owning half of the inflows, the same bits) was measured to take as
/// long per sweep as one thread does, each half taking the time of a whole sweep.
struct ClearingSweeps {
    /// How the sweeps ended.
    struct Outcome {
        /// Sweeps run.
        var sweeps: Int
        /// True when the last sweep moved no payment by more than the kernel's step threshold.
        var converged: Bool
        /// The last sweep's largest payment change.
        var step: Double
    }

    /// Anderson's inner products use every `sampleStride`-th node (θ's precision affects only the speed, never the
    /// answer: payments and inflows are mixed alike).
    static var sampleStride: Int { 8 }

    /// Runs sweeps from `payments` (with `inflows` the interbank inflows at those payments) until a sweep's largest
    /// change is at most the kernel's step threshold, or the kernel's iteration limit.
    ///
    /// With `mixing`, after each sweep G(xₖ) (G one sweep, rₖ = G(xₖ) − xₖ) the iterate becomes
    /// G(xₖ) − θ (G(xₖ) − G(xₖ₋₁)) with θ = ⟨rₖ, rₖ − rₖ₋₁⟩ / ‖rₖ − rₖ₋₁‖² over every eighth node, and the inflows
    /// are mixed the same way (they are linear in the payments, so they stay those of the mixed payments). A sweep
    /// that changes payments by more than the one before it drops the history (plain sweeps resume).
    static func run(_ kernel: ClearingKernel, payments: inout [Double], inflows: inout [Double], mixing: Bool) -> Outcome {
        let n = kernel.liabilities.nodeCount
        let sampleCount = n / sampleStride + 1
        // G(xₖ₋₁) and its inflows, and rₖ₋₁, rₖ at the sampled nodes (by sweep parity): with ten edges a node, an
        // eighth of the CSR arrays' size.
        var lastSwept = [Double](repeating: 0, count: mixing ? n : 0)
        var lastSweptInflows = [Double](repeating: 0, count: mixing ? n : 0)
        var samples = [Double](repeating: 0, count: mixing ? 2 * sampleCount : 0)
        let parameters = SweepParameters(alpha: kernel.alpha, beta: kernel.beta, slack: 1 - kernel.tolerance, mixing: mixing)
        let (limit, threshold) = (kernel.maxIterations, kernel.stepThreshold)
        var sweeps = 0
        var step = Double.infinity
        var hasHistory = false
        var previousStep = Double.infinity
        kernel.liabilities.withUnsafeRows { rows, columns, weights in
            kernel.obligations.withUnsafeBufferPointer { owed in
                kernel.external.withUnsafeBufferPointer { external in
                    payments.withUnsafeMutableBufferPointer { pay in
                        inflows.withUnsafeMutableBufferPointer { flow in
                            samples.withUnsafeMutableBufferPointer { samples in
                                while sweeps < limit {
                                    let (this, last) = ((sweeps & 1) * sampleCount, ((sweeps + 1) & 1) * sampleCount)
                                    let swept = sweep(
                                        rows, columns, weights, owed, external, pay, flow,
                                        samples: samples.baseAddress.map { ($0 + this, $0 + last) }, parameters)
                                    sweeps += 1
                                    step = swept.step
                                    if step <= threshold { return }
                                    guard mixing else { continue }
                                    if step > previousStep { hasHistory = false }  // the last mix did not pay
                                    previousStep = step
                                    let theta = hasHistory && swept.denominator > 0 ? swept.numerator / swept.denominator : 0
                                    mix(pay, flow, &lastSwept, &lastSweptInflows, theta: theta.isFinite ? theta : 0)
                                    hasHistory = true
                                }
                            }
                        }
                    }
                }
            }
        }
        return Outcome(sweeps: sweeps, converged: step <= threshold, step: step)
    }

    /// The constants of a sweep: default costs α, β, the solvency slack 1 − tolerance, and whether to sample rₖ.
    struct SweepParameters {
        let alpha: Double
        let beta: Double
        let slack: Double
        let mixing: Bool
    }

    /// One sweep in node order: each payer's new payment from its current inflow, the change pushed along its row.
    /// Returns the largest change and, with `samples` (this sweep's rₖ, the last sweep's rₖ₋₁ at every
    /// `sampleStride`-th node), Anderson's sampled inner products.
    private static func sweep(
        _ rows: UnsafeBufferPointer<Int>, _ columns: UnsafeBufferPointer<Int32>, _ weights: UnsafeBufferPointer<Double>,
        _ owed: UnsafeBufferPointer<Double>, _ external: UnsafeBufferPointer<Double>,
        _ pay: UnsafeMutableBufferPointer<Double>, _ flow: UnsafeMutableBufferPointer<Double>,
        samples: (this: UnsafeMutablePointer<Double>, last: UnsafeMutablePointer<Double>)?, _ parameters: SweepParameters
    ) -> (step: Double, numerator: Double, denominator: Double) {
        let (alpha, beta, slack, mixing) = (parameters.alpha, parameters.beta, parameters.slack, parameters.mixing)
        let stride = sampleStride
        var step = 0.0
        var numerator = 0.0
        var denominator = 0.0
        for i in 0..<owed.count {
            let total = owed[i]
            guard total > 0 else { continue }  // owes nothing: pays 0 = p̄ᵢ, never changes
            let inflow = flow[i]
            let value =
                external[i] + inflow >= total * slack
                ? total : min(total, max(0, alpha * external[i] + beta * inflow))
            let delta = value - pay[i]
            if mixing, i % stride == 0, let samples {
                let sample = i / stride
                samples.this[sample] = delta
                let difference = delta - samples.last[sample]
                numerator += delta * difference
                denominator += difference * difference
            }
            if delta == 0 { continue }
            step = max(step, abs(delta))
            pay[i] = value
            let ratio = delta / total
            for e in rows[i]..<rows[i + 1] { flow[Int(columns[e])] += weights[e] * ratio }
        }
        return (step, numerator, denominator)
    }

    /// Anderson's mix: G(xₖ) − θ (G(xₖ) − G(xₖ₋₁)) for payments and inflows alike, remembering G(xₖ); with θ = 0
    /// only remembers.
    private static func mix(
        _ payments: UnsafeMutableBufferPointer<Double>, _ inflows: UnsafeMutableBufferPointer<Double>,
        _ lastSwept: inout [Double], _ lastSweptInflows: inout [Double], theta: Double
    ) {
        lastSwept.withUnsafeMutableBufferPointer { lastSwept in
            lastSweptInflows.withUnsafeMutableBufferPointer { lastInflows in
                guard theta != 0 else {
                    _ = lastSwept.update(fromContentsOf: payments)
                    _ = lastInflows.update(fromContentsOf: inflows)
                    return
                }
                for i in 0..<payments.count {
                    let swept = payments[i]
                    let sweptInflow = inflows[i]
                    payments[i] = swept - theta * (swept - lastSwept[i])
                    inflows[i] = sweptInflow - theta * (sweptInflow - lastInflows[i])
                    lastSwept[i] = swept
                    lastInflows[i] = sweptInflow
                }
            }
        }
    }
}
