import OuroborosCore

/// Sobol indices by the Saltelli scheme: two independent N × k samples A and B of the unit cube and,
/// for each parameter i, A with column i taken from B (AB_i): N(k + 2) evaluations. First-order
/// indices use Saltelli (2010), S1_i = mean((f(B) − f̄)(f(AB_i) − f(A))) / V (centred on the mean f̄ of
/// f over A and B, which leaves the estimate unbiased and cuts its variance); total indices Jansen (1999),
/// ST_i = mean((f(A) − f(AB_i))²) / 2V; V is the variance of f over A and B. 95% intervals come
/// from `bootstrap` resamples of the N rows (seeded, so they repeat too).
public struct SobolMethod: Sendable {
    /// Base samples N.
    public var samples: Int
    /// The seed of the samples and the bootstrap.
    public var seed: UInt64
    /// Bootstrap resamples for the intervals.
    public var bootstrap: Int

    /// Sobol with `samples` base rows.
    public init(samples: Int, seed: UInt64, bootstrap: Int = 200) {
        self.samples = samples
        self.seed = seed
        self.bootstrap = bootstrap
    }

    /// The k + 2 unit-cube points of row `j`: A_j, B_j, then AB_1,j … AB_k,j.
    public func row(_ j: Int, parameters k: Int) -> [[Double]] {
        var random = SeededGenerator(seed: seed, stream: j)
        let a = (0..<k).map { _ in random.uniform() }
        let b = (0..<k).map { _ in random.uniform() }
        var points = [a, b]
        for i in 0..<k {
            var mixed = a
            mixed[i] = b[i]
            points.append(mixed)
        }
        return points
    }

    /// Every point to evaluate, row by row.
    public func points(parameters k: Int) -> [[Double]] {
        (0..<samples).flatMap { row($0, parameters: k) }
    }

    /// S1 and ST of each parameter from `outputs` (one per point of `points(parameters:)`, nil when
    /// not evaluated): incomplete rows are left out.
    public func indices(names: [String], outputs: [Double?]) -> [SensitivityIndex] {
        let k = names.count
        var rows: [[Double]] = []
        for j in 0..<samples {
            let base = j * (k + 2)
            let values = (0..<(k + 2)).compactMap { base + $0 < outputs.count ? outputs[base + $0] : nil }
            if values.count == k + 2 { rows.append(values) }
        }
        func estimate(_ rows: [[Double]]) -> (first: [Double], total: [Double]) {
            let fa = rows.map { $0[0] }
            let fb = rows.map { $0[1] }
            let all = fa + fb
            let variance = ExperimentStatistics.standardDeviation(all)
            let v = variance * variance
            guard v > 0 else { return (Array(repeating: 0, count: k), Array(repeating: 0, count: k)) }
            let n = Double(rows.count)
            let mean = ExperimentStatistics.mean(all)
            var first: [Double] = []
            var total: [Double] = []
            for i in 0..<k {
                var s1 = 0.0
                var st = 0.0
                for row in rows {
                    let fab = row[2 + i]
                    s1 += (row[1] - mean) * (fab - row[0])
                    st += (row[0] - fab) * (row[0] - fab)
                }
                first.append(s1 / n / v)
                total.append(st / (2 * n) / v)
            }
            return (first, total)
        }
        let point = estimate(rows)
        var firstDraws = Array(repeating: [Double](), count: k)
        var totalDraws = firstDraws
        if !rows.isEmpty {
            var random = SeededGenerator(seed: seed ^ 0xB007_5742, stream: rows.count)
            for _ in 0..<bootstrap {
                let resample = rows.indices.map { _ in rows[Int(random.next() % UInt64(rows.count))] }
                let draw = estimate(resample)
                for i in 0..<k {
                    firstDraws[i].append(draw.first[i])
                    totalDraws[i].append(draw.total[i])
                }
            }
        }
        return SensitivityResult.ranked(
            (0..<k).map { i in
                let f = firstDraws[i].sorted()
                let t = totalDraws[i].sorted()
                return SensitivityIndex(
                    parameter: names[i], firstOrder: point.first[i],
                    firstOrderLow: ExperimentStatistics.quantile(sorted: f, 0.025),
                    firstOrderHigh: ExperimentStatistics.quantile(sorted: f, 0.975),
                    total: point.total[i],
                    totalLow: ExperimentStatistics.quantile(sorted: t, 0.025),
                    totalHigh: ExperimentStatistics.quantile(sorted: t, 0.975))
            })
    }
}
