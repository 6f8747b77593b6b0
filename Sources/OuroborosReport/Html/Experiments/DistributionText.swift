public import OuroborosCore
public import OuroborosEngine

/// An uncertain parameter's distribution and location for people: `normal(mean 140B, sd 25B,
/// low 70B, high 210B)` rather than every digit, and `ai-capex-2025.yaml:1873` for where it is written.
public enum DistributionText {
    /// A number with a k/M/B/T suffix from ten thousand up, else as short as it prints (`0.3`).
    public static func number(_ value: Double) -> String {
        abs(value) >= 1e4 ? ValueUnit.number.text(value) : NumberText.full(value)
    }

    /// The distribution with compact numbers.
    public static func text(_ distribution: ParameterDistribution) -> String {
        let n = number
        func bounds(_ low: Double?, _ high: Double?) -> String {
            (low.map { ", low \(n($0))" } ?? "") + (high.map { ", high \(n($0))" } ?? "")
        }
        switch distribution {
        case .uniform(let low, let high): return "uniform(\(n(low)), \(n(high)))"
        case .normal(let mean, let sd, let low, let high): return "normal(mean \(n(mean)), sd \(n(sd))\(bounds(low, high)))"
        case .lognormal(let median, let sigma, let low, let high): return "lognormal(median \(n(median)), sigma \(n(sigma))\(bounds(low, high)))"
        case .triangular(let low, let mode, let high): return "triangular(\(n(low)), \(n(mode)), \(n(high)))"
        case .discrete(let values, let weights):
            return "discrete(\(values.map(n).joined(separator: ", ")); weights \(weights.map(n).joined(separator: ", ")))"
        }
    }

    /// `file.yaml:LINE` (the file's name without its folders).
    public static func location(_ location: SourceLocation?) -> String {
        guard let location else { return "–" }
        let name = location.file.split(separator: "/").last.map(String.init) ?? location.file
        return "\(name):\(location.line)"
    }
}
