#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        case let .uniform(low, high):
            return low + u * (high - low)
        case let .normal(mean, sd, low, high):
            let a = low.map { StandardNormal.cdf(($0 - mean) / sd) } ?? 0
            let b = high.map { StandardNormal.cdf(($0 - mean) / sd) } ?? 1
            return clamp(mean + sd * StandardNormal.quantile(a + u * (b - a)), low, high)
        case let .lognormal(median, sigma, low, high):
            let mu = log(median)
            let a = low.map { $0 > 0 ? StandardNormal.cdf((log($0) - mu) / sigma) : 0 } ?? 0
            let b = high.map { $0 > 0 ? StandardNormal.cdf((log($0) - mu) / sigma) : 0 } ?? 1
            return clamp(exp(mu + sigma * StandardNormal.quantile(a + u * (b - a))), low, high)
        case let .triangular(low, mode, high):
            let width = high - low
            let split = (mode - low) / width
            if u < split { return low + (u * width * (mode - low)).squareRoot() }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        case let .discrete(values, weights):
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
        let low = quantile(0.001), high = quantile(0.999)
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
        case let .uniform(low, high): return "uniform(\(text(low)), \(text(high)))"
        case let .normal(mean, sd, low, high): return "normal(mean \(text(mean)), sd \(text(sd))\(bounds(low, high)))"
        case let .lognormal(median, sigma, low, high): return "lognormal(median \(text(median)), sigma \(text(sigma))\(bounds(low, high)))"
        case let .triangular(low, mode, high): return "triangular(\(text(low)), \(text(mode)), \(text(high)))"
        case let .discrete(values, weights): return "discrete(\(values.map(text).joined(separator: ", ")); weights \(weights.map(text).joined(separator: ", ")))"
        }
    }
}

/// The standard normal distribution's CDF and quantile (Acklam's rational approximation refined by
/// one Halley step on the CDF, accurate to about 1e-15).
public enum StandardNormal {
    /// P(Z ≤ z).
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The z with P(Z ≤ z) = p, 0 < p < 1.
    public static func quantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
