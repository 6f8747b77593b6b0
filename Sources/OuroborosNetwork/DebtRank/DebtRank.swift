/// DebtRank distress propagation (Battiston et al. 2012; differential form Bardoscia et al. 2015) on an exposure graph.
///
/// `exposures` has an edge lender i → borrower j carrying Aᵢⱼ, the lender's asset on the borrower; the
/// impact of j's distress on i is Wᵢⱼ = min(1, Aᵢⱼ/Eᵢ). Distress hᵢ is i's relative equity loss in [0, 1].
/// W is never stored: a step reads one exposure, one column and one distress value per edge and forms Wᵢⱼ
/// on the way (the division hides behind the scattered read), with the rows of large graphs split into 16
/// parts run on both cores (each row summed in edge order, so the result is the same as on one thread).
/// ```swift
/// let a = try CSRGraph(nodeCount: 2, edges: [WeightedEdge(1, 0, 5)])   // 1 lent 5 to 0
/// try DebtRank.compute(exposures: a, equity: [10, 10], initialDistress: [1, 0]).distress // [1, 0.5]
/// ```
public enum DebtRank {
    /// Runs `variant` from the shock `initialDistress` (each in [0, 1]); `equity` must be > 0; `economicWeights` ≥ 0 are normalised to sum 1 (nil:
    /// share of interbank assets Σⱼ Aᵢⱼ, uniform if none); `tolerance` (1e-12) bounds the differential's final sup-norm step.
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
        let partition = exposures.withUnsafeRows { rows, _, _ in RowPartition.balanced(rowStart: rows) }
        let assets = try Self.interbankAssets(exposures, partition: partition, summed: economicWeights == nil)
        var weights = economicWeights ?? assets
        guard weights.count == n else {
            throw .lengthMismatch(name: "economicWeights", count: weights.count, nodeCount: n)
        }
        for (node, value) in weights.enumerated() where !(value.isFinite && value >= 0) {
            throw .invalidWeight(node: node, value: value)
        }
        let total = weights.reduce(0, +)
        if total > 0 {
            for i in 0..<n { weights[i] /= total }
        } else {
            weights = [Double](repeating: n > 0 ? 1 / Double(n) : 0, count: n)
        }

        var h = initialDistress
        var states: [DistressState]
        var iterations = 0
        // `source` is what each borrower passes on this step (original: hⱼ if distressed, else 0;
        // differential: hⱼ(t) − hⱼ(t−1)); a step computes every row's Σⱼ Wᵢⱼ sourceⱼ in edge order, so
        // splitting rows across threads changes nothing in the result.
        var source = [Double](repeating: 0, count: n)
        var steps = [Double](repeating: 0, count: partition.count)
        var unused: [Double] = []
        switch variant {
        case .original:
            states = h.map { $0 > 0 ? .distressed : .undistressed }
            var distressed = states.reduce(0) { $0 + ($1 == .distressed ? 1 : 0) }
            while distressed > 0 {
                iterations += 1
                for j in 0..<n { source[j] = states[j] == .distressed ? h[j] : 0 }
                Self.propagate(exposures, equity, source, &h, &unused, steps: &steps, partition: partition)
                distressed = 0
                for i in 0..<n {
                    switch states[i] {
                    case .distressed: states[i] = .inactive
                    case .undistressed where h[i] > 0:
                        states[i] = .distressed
                        distressed += 1
                    default: break
                    }
                }
            }
        case .differential:
            source = h  // h(1) − h(0), h(0) = 0
            var change = [Double](repeating: 0, count: n)
            var step = Double.infinity
            while true {
                guard iterations < maxIterations else { throw .didNotConverge(iterations: iterations, residual: step) }
                iterations += 1
                Self.propagate(exposures, equity, source, &h, &change, steps: &steps, partition: partition)
                swap(&source, &change)
                step = steps.max() ?? 0
                if step <= tolerance { break }
            }
            states = h.map { $0 > 0 ? .inactive : .undistressed }
        }
        var final = 0.0
        var initial = 0.0
        for i in 0..<n {
            final += h[i] * weights[i]
            initial += initialDistress[i] * weights[i]
        }
        return DebtRankResult(
            distress: h, initialDistress: initialDistress, weights: weights, states: states,
            debtRank: min(1, max(0, final - initial)), iterations: iterations, variant: variant)
    }
    /// Checks every exposure Aᵢⱼ ≥ 0 (throwing on the first negative one in row order) in one pass on both
    /// cores and, when `summed`, returns each lender's interbank assets Σⱼ Aᵢⱼ summed in edge order (as
    /// `CSRGraph.outStrength()`); empty otherwise.
    static func interbankAssets(
        _ exposures: CSRGraph, partition: RowPartition, summed: Bool
    ) throws(DebtRankError) -> [Double] {
        let n = exposures.nodeCount
        var firstNegative = [Int](repeating: -1, count: partition.count)
        var assets = [Double](repeating: 0, count: summed ? n : 0)
        exposures.withUnsafeRows { rows, _, amounts in
            assets.withUnsafeMutableBufferPointer { sums in
                firstNegative.withUnsafeMutableBufferPointer { negative in
                    partition.forEachPart { part, range in
                        for i in range {
                            var sum = 0.0
                            for e in rows[i]..<rows[i + 1] {
                                let amount = amounts[e]
                                if !(amount >= 0), negative[part] < 0 { negative[part] = e }
                                sum += amount
                            }
                            if summed { sums[i] = sum }
                        }
                    }
                }
            }
        }
        if let e = firstNegative.first(where: { $0 >= 0 }) {
            var lender = 0
            while exposures.rowStart[lender + 1] <= e { lender += 1 }
            throw .invalidExposure(lender: lender, borrower: Int(exposures.column[e]), amount: exposures.weight[e])
        }
        return assets
    }

    /// One step for every lender i: hᵢ ← min(1, hᵢ + Σⱼ Wᵢⱼ sourceⱼ) with Wᵢⱼ = min(1, Aᵢⱼ/Eᵢ) formed per edge;
    /// `change` (when it has one entry per node) receives hᵢ(new) − hᵢ(old), and `steps[part]` the largest
    /// change in that part.
    static func propagate(
        _ exposures: CSRGraph, _ equity: [Double], _ source: [Double], _ h: inout [Double], _ change: inout [Double],
        steps: inout [Double], partition: RowPartition
    ) {
        let keepsChange = change.count == exposures.nodeCount
        exposures.withUnsafeRows { rows, columns, amounts in
            equity.withUnsafeBufferPointer { capital in
                source.withUnsafeBufferPointer { pushed in
                    h.withUnsafeMutableBufferPointer { distress in
                        change.withUnsafeMutableBufferPointer { delta in
                            steps.withUnsafeMutableBufferPointer { largest in
                                partition.forEachPart { part, range in
                                    var step = 0.0
                                    for i in range {
                                        let old = distress[i]
                                        // A defaulted lender (h = 1) stays at 1: every term is ≥ 0.
                                        guard old < 1 else {
                                            if keepsChange { delta[i] = 0 }
                                            continue
                                        }
                                        let equity = capital[i]
                                        var sum = 0.0
                                        for e in rows[i]..<rows[i + 1] {
                                            sum += min(1, amounts[e] / equity) * pushed[Int(columns[e])]
                                        }
                                        let next = min(1, old + sum)
                                        distress[i] = next
                                        if keepsChange { delta[i] = next - old }
                                        step = max(step, next - old)
                                    }
                                    largest[part] = step
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
