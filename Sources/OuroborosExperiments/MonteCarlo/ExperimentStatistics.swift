/// The few statistics experiments need, written out so that every figure is reproducible bit for bit.
public enum ExperimentStatistics {
    /// The 95% Wilson score interval of a proportion of `successes` in `trials` (0…1 when no trials).
    public static func wilson(successes: Int, trials: Int, z: Double = 1.959963984540054) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let n = Double(trials)
        let p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
        return max(0, centre - half)...min(1, centre + half)
    }

    /// The `q` quantile of `sorted` (ascending), linear between order statistics (type 7); nil when empty.
    public static func quantile(sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    /// The mean of `values` summed in order (0 when empty).
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation of `values` (0 with fewer than two).
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        return (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
    }
}
