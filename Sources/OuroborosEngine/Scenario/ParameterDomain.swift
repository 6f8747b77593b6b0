/// The values a behaviour parameter may take, checked when a scenario is loaded.
///
/// Each parameter of `BehaviourCatalog` has one; its default lies inside it. The loader rejects a
/// value outside it at its place in the file (`arpu: -$240`, `units_per_gw: 0`), and an
/// `uncertain:` distribution whose bounds leave it.
public enum ParameterDomain: Sendable, Hashable {
    /// Any finite number (elasticities, momentum).
    case anyReal
    /// `x ≥ 0`: amounts, counts, months, spreads, weights.
    case nonNegative
    /// `x > 0`: prices, units per GW, capital costs, maturities.
    case positive
    /// `0 ≤ x ≤ 1`: shares of a whole and monthly pulls.
    case fraction
    /// `0 < x ≤ 1`: a share that must not vanish (the sentiment floor).
    case positiveFraction
    /// `x > -1`: a growth rate per year (at -1 everything is gone after a year).
    case growth
    /// `x ≤ 1`: a margin (negative when costs exceed revenue).
    case margin
    /// `x ≥ bound`.
    case atLeast(Double)

    /// Whether `value` lies in the domain.
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        switch self {
        case .anyReal: return true
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        case .fraction: return value >= 0 && value <= 1
        case .positiveFraction: return value > 0 && value <= 1
        case .growth: return value > -1
        case .margin: return value <= 1
        case .atLeast(let bound): return value >= bound
        }
    }

    /// The value expected, for messages: `expected a positive value for …`.
    public var expectation: String {
        switch self {
        case .anyReal: "a finite value"
        case .nonNegative: "a non-negative value"
        case .positive: "a positive value"
        case .fraction: "a value between 0 and 1"
        case .positiveFraction: "a value above 0 and at most 1"
        case .growth: "a growth rate above -1 (-100%)"
        case .margin: "a margin of at most 1 (100%)"
        case .atLeast(let bound): "a value of at least \(Self.number(bound))"
        }
    }

    /// The domain as an interval, for the documentation: `x > 0`, `0 ≤ x ≤ 1`.
    public var interval: String {
        switch self {
        case .anyReal: "any"
        case .nonNegative: "≥ 0"
        case .positive: "> 0"
        case .fraction: "0 … 1"
        case .positiveFraction: "> 0 and ≤ 1"
        case .growth: "> -1"
        case .margin: "≤ 1"
        case .atLeast(let bound): "≥ \(Self.number(bound))"
        }
    }

    /// `1` rather than `1.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
