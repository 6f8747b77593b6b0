/// The outcome of checking one period's accounting identities: what broke, and how close the rest came.
public struct ConservationReport: Sendable, CustomStringConvertible {
    /// The period checked.
    public var period: Int
    /// The model or scenario name.
    public var model: String
    /// Every broken identity, in check order (non-finite values, balance-sheet rows,
    /// transactions-flow rows, transactions-flow columns, stock-flow consistency).
    public var violations: [SFCIdentityViolation]
    /// The largest `|sum| / max(scale, floor)` over every line checked; at most the tolerance when all pass,
    /// infinite when a value is NaN or infinite.
    public var maxRelativeImbalance: Double
    /// The number of lines (rows, columns, stock-flow identities) checked.
    public var linesChecked: Int

    /// Creates a report.
    public init(period: Int, model: String, violations: [SFCIdentityViolation], maxRelativeImbalance: Double, linesChecked: Int) {
        self.period = period
        self.model = model
        self.violations = violations
        self.maxRelativeImbalance = maxRelativeImbalance
        self.linesChecked = linesChecked
    }

    /// Whether every identity holds.
    public var isConsistent: Bool { violations.isEmpty }

    /// `MODEL, period N: all N identities hold (max relative imbalance X)` or one line per violation.
    public var description: String {
        if violations.isEmpty {
            return "\(model), period \(period): all \(linesChecked) identities hold (max relative imbalance \(maxRelativeImbalance))"
        }
        return violations.map(\.description).joined(separator: "\n")
    }
}
