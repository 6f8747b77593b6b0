import OuroborosCore
public import OuroborosEngine

/// A shock's size in the units of its kind: `+123.4bp`, `-$1.20T`, `delay of 6 months`, `-21.74%`.
public struct ShockSizeText: Sendable {
    /// The shock's kind.
    public var kind: NetworkShock.Kind

    /// Creates a formatter for `kind`.
    public init(kind: NetworkShock.Kind) { self.kind = kind }

    /// The size for people.
    public func text(_ size: Double) -> String { text(size, usd: ValueUnit.usd.text) }

    /// The size for people, dollars written by `usd`.
    public func text(_ size: Double, usd: (Double) -> String) -> String {
        switch kind {
        case .rate: return (size >= 0 ? "+" : "") + NumberText.fixed(size * 10_000, decimals: 1) + "bp"
        case .liquidity: return (size >= 0 ? "+" : "") + usd(size)
        case .chips: return "delay of \(Int(size.rounded())) month\(Int(size.rounded()) == 1 ? "" : "s")"
        default: return (size >= 0 ? "+" : "") + ExperimentText.percent(size, decimals: 2)
        }
    }

    /// A width between two sizes, unsigned: `1.0bp`, `$1.00B`, `1 month`, `0.10%`.
    public func width(_ size: Double) -> String {
        let text = text(abs(size))
        return text.hasPrefix("+") ? String(text.dropFirst()) : text.replacingOccurrences(of: "delay of ", with: "")
    }

    /// The size as `--shock` writes it: `+123.4bp`, `-1200000000000`, `delay=6m`, `-21.74%`.
    public func argument(_ size: Double) -> String {
        switch kind {
        case .liquidity: return (size >= 0 ? "+" : "") + NumberText.full(size)
        case .chips: return "delay=\(Int(size.rounded()))m"
        default: return text(size)
        }
    }

    /// The unit of a chart of sizes.
    public var unit: ValueUnit {
        switch kind {
        case .liquidity: .usd
        case .chips: .number
        default: .percent
        }
    }

    /// The axis title of a chart of sizes.
    public var axisTitle: String {
        switch kind {
        case .rate: "rate change, % per year"
        case .liquidity: "liquidity, USD"
        case .chips: "delay, months"
        default: "change, %"
        }
    }
}
