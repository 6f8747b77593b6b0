/// DebtRank distress propagation (Battiston et al. 2012; differential form Bardoscia et al. 2015) on an exposure graph.
///
/// `exposures` has an edge lender i → borrower j carrying Aᵢⱼ, the lender's asset on the borrower; the
/// impact of j's distress on i is Wᵢⱼ = min(1, Aᵢⱼ/Eᵢ). Distress hᵢ is i's relative equity loss in [0, 1].
/// ```swift
/// let a = try CSRGraph(nodeCount: 2, edges: [WeightedEdge(1, 0, 5)])   // 1 lent 5 to 0
/// try DebtRank.compute(exposures: a, equity: [10, 10], initialDistress: [1, 0]).distress // [1, 0.5]
/// ```
public enum DebtRank {
    /// Runs `variant` from the shock `initialDistress` (each in [0, 1]); `equity` must be > 0; `economicWeights` ≥ 0 are normalised to sum 1 (nil: share of interbank assets Σⱼ Aᵢⱼ, uniform if none); `tolerance` (1e-12) bounds the differential's final sup-norm step.
    public static func compute(
        exposures: CSRGraph,
        equity: [Double],
        initialDistress: [Double],
        economicWeights: [Double]? = nil,
        variant: DebtRankVariant = .original,
        tolerance: Double = 1e-12,
        maxIterations: Int = 100_000
    ) throws(DebtRankError) -> DebtRankResult {
        let n = exposures.nodeCount
        guard equity.count == n else { throw .lengthMismatch(name: "equity", count: equity.count, nodeCount: n) }
        guard initialDistress.count == n else {
            throw .lengthMismatch(name: "initialDistress", count: initialDistress.count, nodeCount: n)
        }
        guard tolerance.isFinite, tolerance > 0, maxIterations > 0 else {
            throw .invalidSettings(tolerance: tolerance, maxIterations: maxIterations)
        }
        for (node, value) in equity.enumerated() where !(value.isFinite && value > 0) {
            throw .invalidEquity(node: node, value: value)
        }
        for (node, value) in initialDistress.enumerated() where !(value >= 0 && value <= 1) {
            throw .invalidShock(node: node, value: value)
        }
        // Impact weights W, row i = lender i's exposures, parallel to the CSR edges.
        var impact = [Double](repeating: 0, count: exposures.edgeCount)
        for i in 0 ..< n {
            for e in exposures.edges(from: i) {
                let amount = exposures.weight[e]
                guard amount >= 0 else {
                    throw .invalidExposure(lender: i, borrower: Int(exposures.column[e]), amount: amount)
                }
                impact[e] = min(1, amount / equity[i])
            }
        }
        let raw = economicWeights ?? exposures.outStrength()
        guard raw.count == n else { throw .lengthMismatch(name: "economicWeights", count: raw.count, nodeCount: n) }
        for (node, value) in raw.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidWeight(node: node, value: value)
        }
        let total = raw.reduce(0, +)
        let weights = total > 0 ? raw.map { $0 / total } : [Double](repeating: n > 0 ? 1 / Double(n) : 0, count: n)

        var h = initialDistress
        var states: [DistressState]
        var iterations = 0
        switch variant {
        case .original:
            states = h.map { $0 > 0 ? .distressed : .undistressed }
            while states.contains(.distressed) {
                iterations += 1
                var next = h
                for i in 0 ..< n {
                    var sum = 0.0
                    for e in exposures.edges(from: i) where states[Int(exposures.column[e])] == .distressed {
                        sum += impact[e] * h[Int(exposures.column[e])]
                    }
                    next[i] = min(1, h[i] + sum)
                }
                for i in 0 ..< n {
                    switch states[i] {
                    case .distressed: states[i] = .inactive
                    case .undistressed where next[i] > 0: states[i] = .distressed
                    default: break
                    }
                }
                h = next
            }
        case .differential:
            var previous = [Double](repeating: 0, count: n)
            var step = Double.infinity
            while true {
                guard iterations < maxIterations else { throw .didNotConverge(iterations: iterations, residual: step) }
                iterations += 1
                var next = h
                step = 0
                for i in 0 ..< n {
                    var sum = 0.0
                    for e in exposures.edges(from: i) {
                        let j = Int(exposures.column[e])
                        sum += impact[e] * (h[j] - previous[j])
                    }
                    next[i] = min(1, h[i] + sum)
                    step = max(step, next[i] - h[i])
                }
                previous = h
                h = next
                if step <= tolerance { break }
            }
            states = h.map { $0 > 0 ? .inactive : .undistressed }
        }
        var final = 0.0
        var initial = 0.0
        for i in 0 ..< n {
            final += h[i] * weights[i]
            initial += initialDistress[i] * weights[i]
        }
        return DebtRankResult(
            distress: h, initialDistress: initialDistress, weights: weights, states: states,
            debtRank: min(1, max(0, final - initial)), iterations: iterations, variant: variant)
    }
}
