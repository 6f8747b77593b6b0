import Foundation
import OuroborosCore

/// What an axis measures, and how its tick labels are written.
public enum ValueUnit: Sendable, Hashable {
    /// US dollars: `$0`, `$500B`, `$1.5T`.
    case usd
    /// A fraction shown as a percentage: 0.0425 → `4.25%`.
    case percent
    /// A plain number: an index, a count, gigawatts.
    case number

    /// The label of tick `value` on an axis whose ticks are `step` apart (enough decimals to tell
    /// neighbouring ticks apart, no more).
    public func tickLabel(_ value: Double, step: Double, largest: Double) -> String {
        if value == 0 { return self == .usd ? "$0" : self == .percent ? "0%" : "0" }
        switch self {
        case .usd:
            let (divisor, suffix) = Self.magnitude(max(abs(largest), abs(value)))
            let text = Self.decimal(value / divisor, step: step / divisor)
            return text.hasPrefix("-") ? "-$" + text.dropFirst() + suffix : "$" + text + suffix
        case .percent:
            return Self.decimal(value * 100, step: step * 100) + "%"
        case .number:
            let (divisor, suffix) = abs(largest) >= 1e4 ? Self.magnitude(abs(largest)) : (1, "")
            return Self.decimal(value / divisor, step: step / divisor) + suffix
        }
    }

    /// A value for a caption or tooltip, three significant digits: `$1.43T`, `4.25%`, `112`.
    public func text(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        switch self {
        case .usd:
            let (divisor, suffix) = Self.magnitude(abs(value))
            let text = Self.significant(value / divisor)
            return text.hasPrefix("-") ? "-$" + text.dropFirst() + suffix : "$" + text + suffix
        case .percent:
            return Self.significant(value * 100) + "%"
        case .number:
            let (divisor, suffix) = abs(value) >= 1e4 ? Self.magnitude(abs(value)) : (1, "")
            return Self.significant(value / divisor) + suffix
        }
    }

    static func magnitude(_ value: Double) -> (Double, String) {
        if value >= 1e12 { return (1e12, "T") }
        if value >= 1e9 { return (1e9, "B") }
        if value >= 1e6 { return (1e6, "M") }
        if value >= 1e3 { return (1e3, "k") }
        return (1, "")
    }

    /// `value` with the fewest decimals (0 … 6) that write multiples of `step` exactly.
    static func decimal(_ value: Double, step: Double) -> String {
        var decimals = 0
        while decimals < 6 {
            let scaled = abs(step) * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
            decimals += 1
        }
        return NumberText.fixed(value, decimals: decimals)
    }

    static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        let text = NumberText.fixed(value, decimals: decimals)
        return text.allSatisfy { $0 == "0" || $0 == "." } ? "0" : text
    }
}
