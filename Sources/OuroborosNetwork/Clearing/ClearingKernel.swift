/// The validated clearing problem shared by ``EisenbergNoe`` (α = β = 1) and ``RogersVeraart``, with its two solvers.
struct ClearingKernel {
    let liabilities: CSRGraph
    let external: [Double]
    let obligations: [Double]
    /// Interbank inflows Σⱼ Lⱼᵢ at p = p̄, where both iterations start.
    let openingInflows: [Double]
    let alpha: Double
    let beta: Double
    let tolerance: Double
    let maxIterations: Int
    let denseLimit: Int
    /// Absolute convergence threshold: `tolerance × max(max p̄, tiny)`.
    let stepThreshold: Double

    /// Checks the inputs and precomputes obligations and the inflows at p = p̄.
    init(
        liabilities: CSRGraph, externalAssets: [Double], alpha: Double, beta: Double,
        tolerance: Double, maxIterations: Int, denseLimit: Int
    ) throws(ClearingError) {
        let n = liabilities.nodeCount
        guard externalAssets.count == n else { throw .lengthMismatch(count: externalAssets.count, nodeCount: n) }
        for (node, value) in externalAssets.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidExternalAssets(node: node, value: value)
        }
        // One pass over the rows: p̄ᵢ = Σⱼ Lᵢⱼ (summed in row order, as `CSRGraph.outStrength()`), the first
        // negative liability, and the inflows at p = p̄, Σⱼ Lⱼᵢ. One thread: the pass is bound by the scattered
        // inflow updates, and two threads scattering into private buffers then added were measured slower
        // (44–56 ms against 23–31 ms at 1M nodes / 10M edges).
        var obligations = [Double](repeating: 0, count: n)
        var inflows = [Double](repeating: 0, count: n)
        var negative = -1
        liabilities.withUnsafeRows { rows, columns, weights in
            obligations.withUnsafeMutableBufferPointer { owed in
                inflows.withUnsafeMutableBufferPointer { flow in
                    for u in 0..<n {
                        var sum = 0.0
                        for e in rows[u]..<rows[u + 1] {
                            let w = weights[e]
                            if w < 0, negative < 0 { negative = e }
                            sum += w
                        }
                        owed[u] = sum
                        // At p = p̄ a debtor pays each creditor Lᵢⱼ p̄ᵢ/p̄ᵢ = Lᵢⱼ (nothing when it owes nothing).
                        guard sum > 0 else { continue }
                        for e in rows[u]..<rows[u + 1] { flow[Int(columns[e])] += weights[e] }
                    }
                }
            }
        }
        if negative >= 0 {
            var u = 0
            while liabilities.rowStart[u + 1] <= negative { u += 1 }
            throw .negativeLiability(
                from: u, to: Int(liabilities.column[negative]), amount: liabilities.weight[negative])
        }
        guard tolerance.isFinite, tolerance > 0, maxIterations > 0 else {
            throw .invalidSettings(tolerance: tolerance, maxIterations: maxIterations)
        }
        self.liabilities = liabilities
        self.external = externalAssets
        self.obligations = obligations
        self.openingInflows = inflows
        self.alpha = alpha
        self.beta = beta
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.denseLimit = max(0, denseLimit)
        self.stepThreshold = tolerance * max(obligations.max() ?? 0, Double.leastNormalMagnitude)
    }

    /// Runs the requested algorithm.
    func solve(_ method: ClearingMethod) throws(ClearingError) -> ClearingVector {
        switch method {
        case .fictitiousDefault: return try fictitiousDefault()
        case .fixedPoint: return try fixedPoint()
        }
    }

    /// True when node i can pay in full given interbank inflow `flow` (with relative slack `tolerance`).
    @inline(__always)
    func isSolvent(_ i: Int, flow: Double) -> Bool {
        obligations[i] <= 0 || external[i] + flow >= obligations[i] * (1 - tolerance)
    }

    /// What a defaulter pays given inflow `flow`: α e + β flow, clamped to [0, p̄].
    @inline(__always)
    func defaultPayment(_ i: Int, flow: Double) -> Double {
        min(obligations[i], max(0, alpha * external[i] + beta * flow))
    }

    /// Fictitious default / Greatest Clearing Vector Algorithm: the default set only grows, so at most n rounds.
    ///
    /// Inflows are kept current by pushing every change of a payment along the payer's row (as in
    /// ``fixedPoint()``), so no transposed graph is built and only the defaulters' rows are read for payments.
    func fictitiousDefault() throws(ClearingError) -> ClearingVector {
        let n = liabilities.nodeCount
        var p = obligations
        var flow = openingInflows
        var defaulted = [Bool](repeating: false, count: n)
        var rounds = 0
        var work = 0
        while true {
            var grew = false
            for i in 0..<n where !defaulted[i] && !isSolvent(i, flow: flow[i]) {
                defaulted[i] = true
                grew = true
            }
            if !grew { break }
            rounds += 1
            let set = (0..<n).filter { defaulted[$0] }
            if set.count <= denseLimit, let x = denseSolve(set, p, flow) {
                for (k, i) in set.enumerated() { pay(i, min(obligations[i], max(0, x[k])), &p, &flow) }
                work += 1
            } else {
                work += try gaussSeidel(set, &p, &flow, defaulted, budget: maxIterations - work)
            }
        }
        return ClearingVector(
            payments: p, obligations: obligations, defaulted: defaulted, iterations: work,
            defaultRounds: rounds, method: .fictitiousDefault)
    }

    /// Sets pᵢ = `value` and pushes the change to i's creditors' inflows.
    @inline(__always)
    func pay(_ i: Int, _ value: Double, _ p: inout [Double], _ flow: inout [Double]) {
        let delta = value - p[i]
        guard delta != 0 else { return }
        p[i] = value
        let ratio = delta / obligations[i]
        for e in liabilities.edges(from: i) { flow[Int(liabilities.column[e])] += liabilities.weight[e] * ratio }
    }

    /// Solves x_D = α e_D + β (Πᵀ_{DD} x_D + Πᵀ_{DS} p_S) densely from the defaulters' rows; nil when singular.
    /// The inflow from solvent payers is the current inflow less the defaulters' part.
    func denseSolve(_ set: [Int], _ p: [Double], _ flow: [Double]) -> [Double]? {
        let k = set.count
        var position = [Int: Int](minimumCapacity: k)
        for (index, node) in set.enumerated() { position[node] = index }
        var matrix = [Double](repeating: 0, count: k * k)
        var fromDefaulters = [Double](repeating: 0, count: k)
        for (col, j) in set.enumerated() {
            matrix[col * k + col] += 1
            let owed = obligations[j]
            for e in liabilities.edges(from: j) {
                guard let row = position[Int(liabilities.column[e])] else { continue }
                let share = liabilities.weight[e] / owed
                matrix[row * k + col] -= beta * share
                fromDefaulters[row] += share * p[j]
            }
        }
        let rhs = set.enumerated().map { row, i in alpha * external[i] + beta * (flow[i] - fromDefaulters[row]) }
        return DenseLinearSolve.solve(matrix: matrix, rhs: rhs, size: k)
    }

    /// Gauss–Seidel on the defaulters from the current (upper) payments with pushed inflows, monotone decreasing
    /// towards the round's solution; returns the sweeps used, once a sweep moves no payment by more than the
    /// threshold or as soon as a solvent node (`defaulted` false) can no longer pay.
    ///
    /// Stopping at a new defaulter is exact: the payments are still above the round's solution, so the inflows
    /// are too, and a node short of funds now is short at that solution as well; the next round adds it and
    /// continues from here. Large default sets therefore take about as many sweeps as the fixed point.
    func gaussSeidel(
        _ set: [Int], _ p: inout [Double], _ flow: inout [Double], _ defaulted: [Bool], budget: Int
    ) throws(ClearingError) -> Int {
        var sweeps = 0
        var step = Double.infinity
        let (alpha, beta, threshold, limit, slack) = (alpha, beta, stepThreshold, max(1, budget), 1 - tolerance)
        var converged = false
        liabilities.withUnsafeRows { rows, columns, weights in
            obligations.withUnsafeBufferPointer { owed in
                external.withUnsafeBufferPointer { ext in
                    p.withUnsafeMutableBufferPointer { pay in
                        flow.withUnsafeMutableBufferPointer { f in
                            while sweeps < limit {
                                sweeps += 1
                                step = 0
                                for i in set {
                                    let total = owed[i]
                                    let value = min(total, max(0, alpha * ext[i] + beta * f[i]))
                                    let delta = value - pay[i]
                                    if delta == 0 { continue }
                                    step = max(step, abs(delta))
                                    pay[i] = value
                                    let ratio = delta / total
                                    for e in rows[i]..<rows[i + 1] { f[Int(columns[e])] += weights[e] * ratio }
                                }
                                if step <= threshold {
                                    converged = true
                                    return
                                }
                                for i in 0..<f.count
                                where !defaulted[i] && owed[i] > 0
                                    && ext[i] + f[i] < owed[i] * slack
                                {
                                    converged = true  // the round ends early: a new defaulter
                                    return
                                }
                            }
                        }
                    }
                }
            }
        }
        guard converged else { throw .didNotConverge(iterations: sweeps, residual: step) }
        return sweeps
    }

    /// The fixed point: for Eisenberg–Noe by Gauss–Seidel sweeps with Anderson mixing when its result is certified
    /// as the greatest clearing vector (``andersonFixedPoint()``), otherwise by the monotone iteration.
    func fixedPoint() throws(ClearingError) -> ClearingVector {
        if alpha == 1, beta == 1, let mixed = try andersonFixedPoint() { return mixed }
        return try monotoneFixedPoint()
    }

    /// Gauss–Seidel iteration of p ← Φ(p) from p̄, updating payments in place in node order.
    ///
    /// Φ is monotone and p̄ ≥ Φ(p̄), so every in-place update keeps p ≥ Φ(p) ≥ p* (p* the greatest fixed point):
    /// the payments only decrease, towards p*. Inflows are kept current by pushing each change Δpᵢ along node i's
    /// row (Lᵢⱼ Δpᵢ / p̄ᵢ to creditor j), so a sweep reads every node once but touches only the edges of nodes whose
    /// payment changed, with no division per edge and no transposed graph. A sweep is one pass over all nodes; the
    /// iteration stops after the first sweep whose largest step is at most `tolerance × max p̄`.
    func monotoneFixedPoint() throws(ClearingError) -> ClearingVector {
        fixedPointVector(try sweepFromObligations(mixing: false))
    }

    /// Sweeps from p = p̄ to convergence (``ClearingSweeps``): the payments, the inflows at them, the sweeps used.
    func sweepFromObligations(mixing: Bool) throws(ClearingError) -> (payments: [Double], inflows: [Double], sweeps: Int) {
        var p = obligations
        var flow = openingInflows
        let outcome = ClearingSweeps.run(self, payments: &p, inflows: &flow, mixing: mixing)
        guard outcome.converged else { throw .didNotConverge(iterations: outcome.sweeps, residual: outcome.step) }
        return (p, flow, outcome.sweeps)
    }

    /// The fixed-point method's clearing vector from converged payments: the pushed inflows are those at the final
    /// payments (up to rounding), so they decide default directly.
    func fixedPointVector(_ swept: (payments: [Double], inflows: [Double], sweeps: Int)) -> ClearingVector {
        ClearingVector(
            payments: swept.payments, obligations: obligations,
            defaulted: (0..<liabilities.nodeCount).map { !isSolvent($0, flow: swept.inflows[$0]) },
            iterations: swept.sweeps, defaultRounds: 0, method: .fixedPoint)
    }
}
