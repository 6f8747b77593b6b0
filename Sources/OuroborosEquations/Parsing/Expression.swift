/// A reference to a variable in an expression: `X` (lag 0) or `X[-k]`.
struct VariableReference: Sendable, Equatable {
    /// The name as written.
    var name: String
    /// How many periods back: 0 for the current period.
    var lag: Int
    /// Offset of the name in the text, in Unicode scalars.
    var offset: Int
}

/// A binary arithmetic operator.
enum BinaryOperator: Sendable, Equatable {
    case add, subtract, multiply, divide, power
}

/// The syntax tree of an equation's right-hand side (or a matrix cell, or a side of a hidden equation).
indirect enum Expression: Sendable, Equatable {
    /// A literal number.
    case number(Double)
    /// A variable, possibly lagged.
    case variable(VariableReference)
    /// Unary minus.
    case negate(Expression)
    /// `left op right`.
    case binary(BinaryOperator, Expression, Expression)
    /// A built-in function call.
    case call(BuiltinFunction, [Expression])

    /// Every variable reference, in reading order.
    var references: [VariableReference] {
        var found: [VariableReference] = []
        collectReferences(into: &found)
        return found
    }

    private func collectReferences(into found: inout [VariableReference]) {
        switch self {
        case .number: break
        case .variable(let reference): found.append(reference)
        case .negate(let operand): operand.collectReferences(into: &found)
        case .binary(_, let left, let right):
            left.collectReferences(into: &found)
            right.collectReferences(into: &found)
        case .call(_, let arguments):
            for argument in arguments { argument.collectReferences(into: &found) }
        }
    }
}
