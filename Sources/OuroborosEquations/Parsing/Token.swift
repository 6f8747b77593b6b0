/// One lexical unit of an equation's text and where it starts.
struct Token: Sendable, Equatable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(Double)
        case plus, minus, star, slash, caret
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket
        case comma, equals
        /// The end of the text.
        case end
    }

    /// What the token is.
    var kind: Kind
    /// Offset of its first character, in Unicode scalars from the start of the text.
    var offset: Int
    /// The token as written.
    var spelling: String

    /// Whether an expression can begin with this token.
    var canStartExpression: Bool {
        switch kind {
        case .identifier, .number, .leftParenthesis, .minus, .plus: true
        default: false
        }
    }

    /// The token for messages: `'x'`, or `the end of the equation`.
    var quoted: String {
        kind == .end ? "the end of the equation" : "'\(spelling)'"
    }
}
