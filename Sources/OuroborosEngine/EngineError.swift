public import OuroborosCore

/// Why a run stopped: a broken accounting identity, or a value that is not a finite number.
public enum EngineError: Error, Sendable, CustomStringConvertible {
    /// A balance-sheet or transactions-flow row or column did not close (the period, sector and row are named).
    case identityViolation(SFCIdentityViolation)
    /// NaN or infinity in a series or a posting: the period, the entity and the variable.
    case nonFinite(period: Int, entity: String, variable: String)

    /// One sentence naming what broke and where.
    public var description: String {
        switch self {
        case .identityViolation(let violation):
            return violation.description
        case .nonFinite(let period, let entity, let variable):
            return "period \(period): \(variable) of \(entity) is not a finite number"
        }
    }
}
