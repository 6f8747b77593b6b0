import OuroborosCore

/// A model that passed every check: names resolve, sizes match, numbers are finite.
///
/// Duplicates have been removed and every expression parsed; this is what the compiler consumes.
struct CheckedModel: Sendable {
    /// One equation `target = expression`.
    struct Equation: Sendable {
        /// The variable it defines.
        var target: String
        /// The right-hand side.
        var expression: Expression
        /// The equation as written, with its place, for messages.
        var source: EquationSource
    }

    /// A hidden equation and its text.
    struct Hidden: Sendable {
        /// The text as written, for messages.
        var text: String
        /// Where it is written.
        var location: SourceLocation?
        /// Both sides.
        var equality: ParsedEquality
    }

    /// A matrix whose cells are parsed expressions.
    struct Matrix: Sendable {
        /// The matrix as written.
        var spec: MatrixSpec
        /// `cells[row][column]`, `nil` for an empty cell.
        var cells: [[Expression?]]
    }

    /// One shock with its values resolved.
    struct Shock: Sendable {
        /// First affected period.
        var from: Int
        /// Last affected period, inclusive; `nil` to the end of a run.
        var to: Int?
        /// The names and values it sets.
        var values: [NamedValue]
    }

    /// The model's name.
    var name: String
    /// The periods the file asks for.
    var periods: Int
    /// Parameters, each name once.
    var parameters: [NamedValue]
    /// Exogenous variables, each name once.
    var exogenous: [ExogenousSeries]
    /// Initial values of declared names, each name once.
    var initial: [NamedValue]
    /// One equation per endogenous variable, in file order.
    var equations: [Equation]
    /// Shocks, with only valid settings kept.
    var shocks: [Shock]
    /// Hidden equations.
    var hidden: [Hidden]
    /// Matrices.
    var matrices: [Matrix]
}
