import Foundation

/// The threshold of every early-warning indicator: the defaults, with overrides.
public struct WarningThresholds: Sendable, Hashable {
    /// Why an override `NAME=VALUE` was refused.
    public enum OverrideError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not of the form `NAME=VALUE`.
        case malformed(String)
        /// NAME is no indicator.
        case unknownIndicator(String)
        /// VALUE is not a finite number.
        case notANumber(indicator: String, text: String)

        /// The message for users, naming what was expected.
        public var description: String {
            let names = EarlyWarningIndicator.allCases.map(\.rawValue).joined(separator: ", ")
            switch self {
            case .malformed(let text): return "expected NAME=VALUE, found '\(text)'"
            case .unknownIndicator(let name): return "unknown indicator '\(name)'; expected one of \(names)"
            case .notANumber(let name, let text): return "\(name): expected a finite number, found '\(text)'"
            }
        }
    }

    private var values: [EarlyWarningIndicator: Double]

    /// The default thresholds.
    public init() {
        values = Dictionary(uniqueKeysWithValues: EarlyWarningIndicator.allCases.map { ($0, $0.defaultThreshold) })
    }

    /// The threshold of `indicator`.
    public subscript(indicator: EarlyWarningIndicator) -> Double {
        get { values[indicator] ?? indicator.defaultThreshold }
        set { values[indicator] = newValue }
    }

    /// Applies an override written `NAME=VALUE`, e.g. `cash_runway=18`.
    public mutating func apply(_ text: String) throws(OverrideError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { throw .malformed(text) }
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        guard let indicator = EarlyWarningIndicator(name: name) else { throw .unknownIndicator(name) }
        let raw = parts[1].trimmingCharacters(in: .whitespaces)
        guard let value = Double(raw), value.isFinite else { throw .notANumber(indicator: name, text: String(parts[1])) }
        self[indicator] = value
    }
}
