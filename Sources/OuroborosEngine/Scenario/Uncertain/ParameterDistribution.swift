import OuroborosCore

/// The distribution an uncertain parameter is drawn from, sampled by its quantile function so that
/// one uniform number in (0, 1) gives one value (Monte Carlo draws, Morris grids and Sobol samples
/// all go through `quantile(_:)`).
public enum ParameterDistribution: Sendable, Hashable, CustomStringConvertible {
    /// Every value in `low … high` equally likely.
    case uniform(low: Double, high: Double)
    /// Normal with `mean` and standard deviation `sd`, truncated to `low … high` when given.
    case normal(mean: Double, sd: Double, low: Double?, high: Double?)
    /// Log-normal with median `median` and standard deviation `sigma` of the logarithm, truncated when bounds are given.
    case lognormal(median: Double, sigma: Double, low: Double?, high: Double?)
    /// Triangular on `low … high` with its peak at `mode`.
    case triangular(low: Double, mode: Double, high: Double)
    /// One of `values`, with probabilities proportional to `weights`.
    case discrete(values: [Double], weights: [Double])

    /// The names written after `dist:`.
    public static let names = ["uniform", "normal", "lognormal", "triangular", "discrete"]

    /// The value below which a share `u` (0 < u < 1) of draws fall.
    public func quantile(_ u: Double) -> Double {
        let u = min(max(u, 1e-12), 1 - 1e-12)
        switch self {
        case .uniform(let low, let high):
            return low + u * (high - low)
        case .normal(let mean, let sd, let low, let high):
            let a = low.map { StandardNormal.cdf(($0 - mean) / sd) } ?? 0
            let b = high.map { StandardNormal.cdf(($0 - mean) / sd) } ?? 1
            return clamp(mean + sd * StandardNormal.quantile(a + u * (b - a)), low, high)
        case .lognormal(let median, let sigma, let low, let high):
            let mu = Math.log(median)
            let a = low.map { $0 > 0 ? StandardNormal.cdf((Math.log($0) - mu) / sigma) : 0 } ?? 0
            let b = high.map { $0 > 0 ? StandardNormal.cdf((Math.log($0) - mu) / sigma) : 0 } ?? 1
            return clamp(Math.exp(mu + sigma * StandardNormal.quantile(a + u * (b - a))), low, high)
        case .triangular(let low, let mode, let high):
            let width = high - low
            let split = (mode - low) / width
            if u < split { return low + (u * width * (mode - low)).squareRoot() }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        case .discrete(let values, let weights):
            let total = weights.reduce(0, +)
            var cumulative = 0.0
            for (value, weight) in zip(values, weights) {
                cumulative += weight / total
                if u < cumulative { return value }
            }
            return values[values.count - 1]
        }
    }

    /// The range of values the distribution can give (the 0.1% and 99.9% quantiles when unbounded).
    public var support: ClosedRange<Double> {
        let low = quantile(0.001)
        let high = quantile(0.999)
        return min(low, high)...max(low, high)
    }

    private func clamp(_ value: Double, _ low: Double?, _ high: Double?) -> Double {
        var value = value
        if let low { value = max(value, low) }
        if let high { value = min(value, high) }
        return value
    }

    /// The distribution as written in a file, e.g. `uniform(0.3, 0.9)`.
    public var description: String {
        func text(_ value: Double) -> String { "\(value)" }
        func bounds(_ low: Double?, _ high: Double?) -> String {
            (low.map { ", low \(text($0))" } ?? "") + (high.map { ", high \(text($0))" } ?? "")
        }
        switch self {
        case .uniform(let low, let high): return "uniform(\(text(low)), \(text(high)))"
        case .normal(let mean, let sd, let low, let high): return "normal(mean \(text(mean)), sd \(text(sd))\(bounds(low, high)))"
        case .lognormal(let median, let sigma, let low, let high):
            return "lognormal(median \(text(median)), sigma \(text(sigma))\(bounds(low, high)))"
        case .triangular(let low, let mode, let high): return "triangular(\(text(low)), \(text(mode)), \(text(high)))"
        case .discrete(let values, let weights):
            return "discrete(\(values.map(text).joined(separator: ", ")); weights \(weights.map(text).joined(separator: ", ")))"
        }
    }
}
