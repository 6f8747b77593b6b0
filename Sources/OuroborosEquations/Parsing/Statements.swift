/// An equation `NAME = EXPRESSION` after parsing.
struct ParsedEquation: Sendable {
    /// The variable the equation defines.
    var target: String
    /// Offset of the target's name in the text.
    var targetOffset: Int
    /// The right-hand side.
    var expression: Expression
}

/// A hidden (redundant) equation `EXPRESSION = EXPRESSION` after parsing.
struct ParsedEquality: Sendable {
    /// The left side.
    var left: Expression
    /// The right side.
    var right: Expression
}

extension Parser {
    /// Parses a model equation: a plain variable name, `=`, an expression.
    static func equation(_ text: String) throws(SyntaxError) -> ParsedEquation {
        let tokens = try Lexer.tokenize(text)
        let first = tokens[0]
        guard first.kind != .end else {
            throw SyntaxError("empty equation: expected NAME = EXPRESSION", at: 0)
        }
        guard let equals = tokens.firstIndex(where: { $0.kind == .equals }) else {
            if case .identifier(let name) = first.kind {
                throw SyntaxError(
                    "missing '=' after '\(name)': an equation reads NAME = EXPRESSION",
                    at: tokens[1].offset)
            }
            throw SyntaxError("missing '=': an equation reads NAME = EXPRESSION", at: first.offset)
        }
        guard equals == 1, case .identifier(let target) = first.kind else {
            throw leftSideProblem(tokens: tokens, equals: equals, text: text)
        }
        var parser = Parser(tokens: tokens, position: equals + 1)
        try parser.expectOperand(after: tokens[equals])
        let expression = try parser.parseSum()
        try parser.expectEnd()
        return ParsedEquation(target: target, targetOffset: first.offset, expression: expression)
    }

    /// Parses a hidden equation: an expression, `=`, an expression.
    static func equality(_ text: String) throws(SyntaxError) -> ParsedEquality {
        let tokens = try Lexer.tokenize(text)
        guard tokens[0].kind != .end else {
            throw SyntaxError("empty equation: expected EXPRESSION = EXPRESSION", at: 0)
        }
        var parser = Parser(tokens: tokens)
        guard parser.current.canStartExpression else {
            throw SyntaxError("expected an expression, found \(parser.current.quoted)", at: parser.current.offset)
        }
        let left = try parser.parseSum()
        switch parser.current.kind {
        case .equals:
            let equals = parser.advance()
            try parser.expectOperand(after: equals)
            let right = try parser.parseSum()
            try parser.expectEnd()
            return ParsedEquality(left: left, right: right)
        case .end:
            throw SyntaxError("missing '=': a hidden equation reads EXPRESSION = EXPRESSION", at: parser.current.offset)
        default:
            throw parser.unexpectedToken()
        }
    }

    /// Parses a lone expression (a matrix cell).
    static func expression(_ text: String) throws(SyntaxError) -> Expression {
        let tokens = try Lexer.tokenize(text)
        var parser = Parser(tokens: tokens)
        guard parser.current.canStartExpression else {
            let token = parser.current
            throw SyntaxError(
                token.kind == .end ? "empty expression" : "expected an expression, found \(token.quoted)",
                at: token.offset)
        }
        let expression = try parser.parseSum()
        try parser.expectEnd()
        return expression
    }

    /// The name before `=` of an equation that may not parse, e.g. `Y` in `Y = (C + G`.
    static func definedName(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        let start = index
        while index < scalars.count,
            scalars[index] == "_" || scalars[index].properties.isAlphabetic
                || (index > start && ("0"..."9").contains(scalars[index]))
        {
            index += 1
        }
        let end = index
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard end > start, index < scalars.count, scalars[index] == "=" else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Why the tokens before `=` are not a plain variable name.
    private static func leftSideProblem(tokens: [Token], equals: Int, text: String) -> SyntaxError {
        let first = tokens[0]
        if equals == 0 {
            return SyntaxError("missing the variable name before '='", at: first.offset)
        }
        if case .identifier(let name) = first.kind, tokens[1].kind == .leftBracket {
            return SyntaxError(
                "the left side must be the variable being defined, not a lag: write '\(name) = …'", at: first.offset)
        }
        let scalars = Array(text.unicodeScalars)[first.offset..<tokens[equals].offset]
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let written = String(view).trimmingWhitespace()
        return SyntaxError(
            "the left side of an equation must be a plain variable name, found '\(written)'",
            at: first.offset)
    }
}
