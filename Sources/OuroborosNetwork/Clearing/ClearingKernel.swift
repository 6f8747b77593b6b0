/// The validated clearing problem shared by ``EisenbergNoe`` (α = β = 1) and ``RogersVeraart``, with its two solvers.
struct ClearingKernel {
    let liabilities: CSRGraph
    /// Creditor → debtor view of the liabilities, so node i's inflow is one row.
    let incoming: CSRGraph
    let external: [Double]
    let obligations: [Double]
    let alpha: Double
    let beta: Double
    let tolerance: Double
    let maxIterations: Int
    let denseLimit: Int
    /// Absolute convergence threshold: `tolerance × max(max p̄, tiny)`.
    let stepThreshold: Double

    /// Checks the inputs and precomputes obligations and the transposed liabilities.
    init(
        liabilities: CSRGraph, externalAssets: [Double], alpha: Double, beta: Double,
        tolerance: Double, maxIterations: Int, denseLimit: Int
    ) throws(ClearingError) {
        let n = liabilities.nodeCount
        guard externalAssets.count == n else { throw .lengthMismatch(count: externalAssets.count, nodeCount: n) }
        for (node, value) in externalAssets.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidExternalAssets(node: node, value: value)
        }
        for u in 0 ..< n {
            for e in liabilities.edges(from: u) where liabilities.weight[e] < 0 {
                throw .negativeLiability(from: u, to: Int(liabilities.column[e]), amount: liabilities.weight[e])
            }
        }
        guard tolerance.isFinite, tolerance > 0, maxIterations > 0 else {
            throw .invalidSettings(tolerance: tolerance, maxIterations: maxIterations)
        }
        self.liabilities = liabilities
        self.incoming = liabilities.transposed()
        self.external = externalAssets
        self.obligations = liabilities.outStrength()
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

    /// Interbank inflow of node i, Σⱼ Lⱼᵢ pⱼ / p̄ⱼ, at payments `p`.
    @inline(__always)
    func inflow(of i: Int, _ p: [Double]) -> Double {
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
        while true {
            var grew = false
            for i in 0 ..< n where !defaulted[i] && !isSolvent(i, flow: inflow(of: i, p)) {
                defaulted[i] = true
                grew = true
            }
            if !grew { break }
            rounds += 1
            let set = (0 ..< n).filter { defaulted[$0] }
            if set.count <= denseLimit, let x = denseSolve(set, p) {
                for (k, i) in set.enumerated() { p[i] = min(obligations[i], max(0, x[k])) }
                work += 1
            } else {
                work += try gaussSeidel(set, &p, budget: maxIterations - work)
            }
        }
        return ClearingVector(
            payments: p, obligations: obligations, defaulted: defaulted, iterations: work,
            defaultRounds: rounds, method: .fictitiousDefault)
    }

    /// Solves x_D = α e_D + β (Πᵀ_{DD} x_D + Πᵀ_{DS} p̄_S) densely; nil when singular.
    func denseSolve(_ set: [Int], _ p: [Double]) -> [Double]? {
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
    func gaussSeidel(_ set: [Int], _ p: inout [Double], budget: Int) throws(ClearingError) -> Int {
        var sweeps = 0
        var step = Double.infinity
        while sweeps < max(1, budget) {
            sweeps += 1
            step = 0
            for i in set {
                let value = defaultPayment(i, flow: inflow(of: i, p))
                step = max(step, abs(value - p[i]))
                p[i] = value
            }
            if step <= stepThreshold { return sweeps }
        }
        throw .didNotConverge(iterations: sweeps, residual: step)
    }

    /// Jacobi iteration of p ← Φ(p) from p̄; Φ is monotone so the sequence decreases to the greatest fixed point.
    func fixedPoint() throws(ClearingError) -> ClearingVector {
        let n = liabilities.nodeCount
        var p = obligations
        var next = p
        var sweeps = 0
        var step = Double.infinity
        while sweeps < maxIterations {
            sweeps += 1
            step = 0
            for i in 0 ..< n {
                let flow = inflow(of: i, p)
                let value = isSolvent(i, flow: flow) ? obligations[i] : defaultPayment(i, flow: flow)
                step = max(step, abs(value - p[i]))
                next[i] = value
            }
            swap(&p, &next)
            if step <= stepThreshold {
                let defaulted = (0 ..< n).map { !isSolvent($0, flow: inflow(of: $0, p)) }
                return ClearingVector(
                    payments: p, obligations: obligations, defaulted: defaulted, iterations: sweeps,
                    defaultRounds: 0, method: .fixedPoint)
            }
        }
        throw .didNotConverge(iterations: sweeps, residual: step)
    }
}
