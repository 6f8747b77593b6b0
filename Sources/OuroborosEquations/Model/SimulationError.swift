public import OuroborosCore

/// Why a run of an equation model stopped.
public enum SimulationError: Error, Sendable, CustomStringConvertible {
    /// A simultaneous block found no solution: neither Newton's method nor Gauss–Seidel converged.
    /// `residual` is the smallest largest-residual Newton reached (Gauss–Seidel's last relative
    /// change when Gauss–Seidel alone was asked for).
    case didNotConverge(model: String, period: Int, variables: [String], residual: Double)
    /// A variable became NaN or infinite (e.g. a division by zero).
    case nonFinite(model: String, period: Int, variable: String, value: Double)
    /// A hidden (redundant) equation failed: its two sides differ by `difference`.
    case hiddenEquationFailed(model: String, period: Int, equation: String, difference: Double)
    /// A balance-sheet or transactions-flow matrix did not close.
    case identityViolation(SFCIdentityViolation)

    /// `MODEL, period N: what went wrong`.
    public var description: String {
        switch self {
        case .didNotConverge(let model, let period, let variables, let residual):
            let noun = variables.count == 1 ? "equation for" : "simultaneous block"
            return "\(model), period \(period): the \(noun) \(variables.joined(separator: ", ")) did not converge (residual \(residual))"
        case .nonFinite(let model, let period, let variable, let value):
            return "\(model), period \(period): \(variable) is \(value)"
        case .hiddenEquationFailed(let model, let period, let equation, let difference):
            return "\(model), period \(period): hidden equation \(equation) fails: the sides differ by \(difference)"
        case .identityViolation(let violation):
            return violation.description
        }
    }
}
