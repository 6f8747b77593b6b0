public import OuroborosCore

/// Why a run of an equation model stopped.
public enum SimulationError: Error, Sendable, CustomStringConvertible {
    /// A simultaneous block found no solution: neither Newton's method nor Gauss–Seidel converged.
    /// `residual` is the smallest largest-residual Newton reached (Gauss–Seidel's last relative
    /// change when Gauss–Seidel alone was asked for).
    case didNotConverge(model: String, period: Int, variables: [String], residual: Double)
    /// A variable became NaN or infinite (e.g. a division by zero).
    case nonFinite(model: String, period: Int, variable: String, value: Double)
    /// An equation's right-hand side is NaN or infinite (`Y/0`, `log(-1)`, `sqrt(-4)`, `exp(1000)`);
    /// `block` lists the simultaneous block it belongs to when it stopped one from converging.
    case undefinedValue(model: String, period: Int, equation: EquationSource, value: Double, block: [String]?)
    /// A hidden (redundant) equation failed: its two sides differ by `difference`.
    case hiddenEquationFailed(model: String, period: Int, equation: String, difference: Double, location: SourceLocation? = nil)
    /// A balance-sheet or transactions-flow matrix did not close.
    case identityViolation(SFCIdentityViolation)

    /// Where in the model file the error is, when it is one equation's.
    public var location: SourceLocation? {
        switch self {
        case .undefinedValue(_, _, let equation, _, _): equation.location
        case .hiddenEquationFailed(_, _, _, _, let location): location
        default: nil
        }
    }

    /// `MODEL, period N: what went wrong`.
    public var description: String {
        switch self {
        case .didNotConverge(let model, let period, let variables, let residual):
            let noun = variables.count == 1 ? "equation for" : "simultaneous block"
            return "\(model), period \(period): the \(noun) \(variables.joined(separator: ", ")) did not converge (residual \(residual))"
        case .nonFinite(let model, let period, let variable, let value):
            return "\(model), period \(period): \(variable) is \(value)"
        case .undefinedValue(let model, let period, let equation, let value, let block):
            let named = value.isNaN ? "NaN" : (value > 0 ? "infinity" : "-infinity")
            var text = "\(model), period \(period): the equation '\(equation.text)' gives \(named)"
            text += " (a division by zero, the log or square root of a negative number, or exp of a very large number)"
            if let block { text += "; the simultaneous block \(block.joined(separator: ", ")) cannot be solved" }
            return text
        case .hiddenEquationFailed(let model, let period, let equation, let difference, _):
            return "\(model), period \(period): hidden equation \(equation) fails: the sides differ by \(difference)"
        case .identityViolation(let violation):
            return violation.description
        }
    }
}
