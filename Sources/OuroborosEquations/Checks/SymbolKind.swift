import OuroborosCore

/// What a name denotes in an equation model.
enum SymbolKind: Sendable, Equatable {
    /// A constant that shocks may change.
    case parameter
    /// A variable given from outside: a constant or a series.
    case exogenous
    /// A variable defined by an equation.
    case endogenous

    /// The kind as a noun phrase for messages.
    var noun: String {
        switch self {
        case .parameter: "a parameter"
        case .exogenous: "an exogenous variable"
        case .endogenous: "defined by an equation"
        }
    }
}

/// Where and as what a name was first declared.
struct Declaration: Sendable {
    /// What the name denotes.
    var kind: SymbolKind
    /// Where it was declared.
    var location: SourceLocation?
}

/// `line N` for a location, for messages that point back at an earlier declaration.
func lineReference(_ location: SourceLocation?) -> String {
    location.map { "line \($0.line)" } ?? "an earlier entry"
}
