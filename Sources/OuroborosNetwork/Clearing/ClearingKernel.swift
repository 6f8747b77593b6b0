/// The validated clearing problem shared by ``EisenbergNoe`` (α = β = 1) and ``RogersVeraart``, with its two solvers.
struct ClearingKernel {
    let liabilities: CSRGraph
    let external: [Double]
    let obligations: [Double]
    let alpha: Double
    let beta: Double
    let tolerance: Double
    let maxIterations: Int
    let denseLimit: Int
    /// Absolute convergence threshold: `tolerance × max(max p̄, tiny)`.
    let stepThreshold: Double

    /// Checks the inputs and precomputes obligations (the transposed liabilities are built only by fictitious default).
    init(
        liabilities: CSRGraph, externalAssets: [Double], alpha: Double, beta: Double,
        tolerance: Double, maxIterations: Int, denseLimit: Int
    ) throws(ClearingError) {
        let n = liabilities.nodeCount
        guard externalAssets.count == n else { throw .lengthMismatch(count: externalAssets.count, nodeCount: n) }
        for (node, value) in externalAssets.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidExternalAssets(node: node, value: value)
        }
        // One pass: p̄ᵢ = Σⱼ Lᵢⱼ (summed in row order, as `CSRGraph.outStrength()`) and the first negative liability.
        var obligations = [Double](repeating: 0, count: n)
        var negative = -1
        liabilities.withUnsafeRows { rows, _, weights in
            obligations.withUnsafeMutableBufferPointer { owed in
                for u in 0 ..< n {
                    var sum = 0.0
                    for e in rows[u] ..< rows[u + 1] {
                        let w = weights[e]
                        if w < 0, negative < 0 { negative = e }
                        sum += w
                    }
                    owed[u] = sum
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

    /// Interbank inflow of node i, Σⱼ Lⱼᵢ pⱼ / p̄ⱼ, at payments `p`; `incoming` is the creditor → debtor view of the liabilities.
    @inline(__always)
    func inflow(of i: Int, _ p: [Double], _ incoming: CSRGraph) -> Double {
        var sum = 0.0
        for e in incoming.edges(from: i) {
            let j = Int(incoming.column[e])
            let owed = obligations[j]
            if owed > 0 { sum += incoming.weight[e] * (p[j] / owed) }
        }
        return sum
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
    func fictitiousDefault() throws(ClearingError) -> ClearingVector {
        let n = liabilities.nodeCount
        var p = obligations
        var defaulted = [Bool](repeating: false, count: n)
        var rounds = 0
        var work = 0
        let incoming = liabilities.transposed()
        while true {
            var grew = false
            for i in 0 ..< n where !defaulted[i] && !isSolvent(i, flow: inflow(of: i, p, incoming)) {
                defaulted[i] = true
                grew = true
            }
            if !grew { break }
            rounds += 1
            let set = (0 ..< n).filter { defaulted[$0] }
            if set.count <= denseLimit, let x = denseSolve(set, p, incoming) {
                for (k, i) in set.enumerated() { p[i] = min(obligations[i], max(0, x[k])) }
                work += 1
            } else {
                work += try gaussSeidel(set, &p, incoming, budget: maxIterations - work)
            }
        }
        return ClearingVector(
            payments: p, obligations: obligations, defaulted: defaulted, iterations: work,
            defaultRounds: rounds, method: .fictitiousDefault)
    }

    /// Solves x_D = α e_D + β (Πᵀ_{DD} x_D + Πᵀ_{DS} p̄_S) densely; nil when singular.
    func denseSolve(_ set: [Int], _ p: [Double], _ incoming: CSRGraph) -> [Double]? {
        let k = set.count
        var position = [Int: Int](minimumCapacity: k)
        for (index, node) in set.enumerated() { position[node] = index }
        var matrix = [Double](repeating: 0, count: k * k)
        var rhs = [Double](repeating: 0, count: k)
        for (row, i) in set.enumerated() {
            matrix[row * k + row] += 1
            var b = alpha * external[i]
            for e in incoming.edges(from: i) {
                let j = Int(incoming.column[e])
                let owed = obligations[j]
                guard owed > 0 else { continue }
                let share = incoming.weight[e] / owed
                if let col = position[j] {
                    matrix[row * k + col] -= beta * share
                } else {
                    b += beta * share * p[j]
                }
            }
            rhs[row] = b
        }
        return DenseLinearSolve.solve(matrix: matrix, rhs: rhs, size: k)
    }

    /// Gauss–Seidel on the defaulters from the current (upper) payments; monotone decreasing to the greatest solution; returns sweeps used.
    func gaussSeidel(_ set: [Int], _ p: inout [Double], _ incoming: CSRGraph, budget: Int) throws(ClearingError) -> Int {
        var sweeps = 0
        var step = Double.infinity
        while sweeps < max(1, budget) {
            sweeps += 1
            step = 0
            for i in set {
                let value = defaultPayment(i, flow: inflow(of: i, p, incoming))
                step = max(step, abs(value - p[i]))
                p[i] = value
            }
            if step <= stepThreshold { return sweeps }
        }
        throw .didNotConverge(iterations: sweeps, residual: step)
    }

    /// Interbank inflows Σⱼ Lⱼᵢ pⱼ / p̄ⱼ of every node at payments `p`, pushed along the debtor → creditor rows.
    func interbankInflows(_ p: [Double]) -> [Double] {
        let n = liabilities.nodeCount
        var flow = [Double](repeating: 0, count: n)
        liabilities.withUnsafeRows { rows, columns, weights in
            obligations.withUnsafeBufferPointer { owed in
                p.withUnsafeBufferPointer { pay in
                    flow.withUnsafeMutableBufferPointer { f in
                        for u in 0 ..< n where owed[u] > 0 {
                            let ratio = pay[u] / owed[u]
                            for e in rows[u] ..< rows[u + 1] { f[Int(columns[e])] += weights[e] * ratio }
                        }
                    }
                }
            }
        }
        return flow
    }

    /// Gauss–Seidel iteration of p ← Φ(p) from p̄, updating payments in place in node order.
    ///
    /// Φ is monotone and p̄ ≥ Φ(p̄), so every in-place update keeps p ≥ Φ(p) ≥ p* (p* the greatest fixed point):
    /// the payments only decrease, towards p*. Inflows are kept current by pushing each change Δpᵢ along node i's
    /// row (Lᵢⱼ Δpᵢ / p̄ᵢ to creditor j), so a sweep reads every node once but touches only the edges of nodes whose
    /// payment changed, with no division per edge and no transposed graph. A sweep is one pass over all nodes; the
    /// iteration stops after the first sweep whose largest step is at most `tolerance × max p̄`.
    func fixedPoint() throws(ClearingError) -> ClearingVector {
        let n = liabilities.nodeCount
        var p = obligations
        var flow = interbankInflows(p)
        var sweeps = 0
        var step = Double.infinity
        let (alpha, beta, slack, threshold, limit) = (alpha, beta, 1 - tolerance, stepThreshold, maxIterations)
        var converged = false
        liabilities.withUnsafeRows { rows, columns, weights in
            obligations.withUnsafeBufferPointer { owed in
                external.withUnsafeBufferPointer { ext in
                    p.withUnsafeMutableBufferPointer { pay in
                        flow.withUnsafeMutableBufferPointer { f in
                            while sweeps < limit {
                                sweeps += 1
                                step = 0
                                for i in 0 ..< n {
                                    let total = owed[i]
                                    guard total > 0 else { continue }  // owes nothing: pays 0 = p̄ᵢ, never changes
                                    let inflow = f[i]
                                    let value = ext[i] + inflow >= total * slack
                                        ? total : min(total, max(0, alpha * ext[i] + beta * inflow))
                                    let delta = value - pay[i]
                                    if delta == 0 { continue }
                                    step = max(step, abs(delta))
                                    pay[i] = value
                                    let ratio = delta / total
                                    for e in rows[i] ..< rows[i + 1] { f[Int(columns[e])] += weights[e] * ratio }
                                }
                                if step <= threshold {
                                    converged = true
                                    return
                                }
                            }
                        }
                    }
                }
            }
        }
        guard converged else { throw .didNotConverge(iterations: sweeps, residual: step) }
        // The pushed inflows are those at the final p (up to rounding), so they decide default directly.
        let defaulted = (0 ..< n).map { !isSolvent($0, flow: flow[$0]) }
        return ClearingVector(
            payments: p, obligations: obligations, defaulted: defaulted, iterations: sweeps,
            defaultRounds: 0, method: .fixedPoint)
    }
}
