/// A recursive-descent parser for the expressions of equation models.
///
/// Grammar, loosest binding first:
/// ```
/// sum     = product { ("+" | "-") product }
/// product = unary { ("*" | "/") unary }
/// unary   = ("-" | "+") unary | power
/// power   = primary [ "^" unary ]            right-associative, tighter than unary minus
/// primary = number | name | name "[" "-" k "]" | name "(" sum { "," sum } ")" | "(" sum ")"
/// ```
/// so `-x^2` is `-(x^2)`, `a^b^c` is `a^(b^c)` and `2^-1` is `2^(-1)`.
struct Parser {
    /// Deepest nesting of parentheses, calls and signs accepted; deeper input is an error, not a stack overflow.
    static let maximumNesting = 200

    private let tokens: [Token]
    private var position: Int
    private var nesting = 0

    /// A parser over `tokens` (which end with `.end`), starting at token `position`.
    init(tokens: [Token], position: Int = 0) {
        self.tokens = tokens
        self.position = position
    }

    /// The token under the cursor.
    var current: Token { tokens[position] }

    /// Moves past the token under the cursor and returns it.
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    /// Parses a whole expression (a sum).
    mutating func parseSum() throws(SyntaxError) -> Expression {
        var left = try parseProduct()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            let operatorToken = advance()
            try expectOperand(after: operatorToken)
            left = .binary(op, left, try parseProduct())
        }
    }

    private mutating func parseProduct() throws(SyntaxError) -> Expression {
        var left = try parseUnary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            default: return left
            }
            let operatorToken = advance()
            try expectOperand(after: operatorToken)
            left = .binary(op, left, try parseUnary())
        }
    }

    private mutating func parseUnary() throws(SyntaxError) -> Expression {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maximumNesting {
            throw SyntaxError("expression nested more than \(Self.maximumNesting) levels deep; split it into several equations", at: current.offset)
        }
        switch current.kind {
        case .minus:
            let sign = advance()
            try expectOperand(after: sign)
            return .negate(try parseUnary())
        case .plus:
            let sign = advance()
            try expectOperand(after: sign)
            return try parseUnary()
        default:
            return try parsePower()
        }
    }

    private mutating func parsePower() throws(SyntaxError) -> Expression {
        let base = try parsePrimary()
        if current.kind == .leftBracket {
            throw SyntaxError("a lag such as [-1] can follow only a variable name", at: current.offset)
        }
        guard current.kind == .caret else { return base }
        let caret = advance()
        try expectOperand(after: caret)
        return .binary(.power, base, try parseUnary())
    }

    private mutating func parsePrimary() throws(SyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value)
        case .identifier(let name):
            advance()
            if current.kind == .leftParenthesis { return try parseCall(of: token) }
            let lag = current.kind == .leftBracket ? try parseLag(of: name) : 0
            return .variable(VariableReference(name: name, lag: lag, offset: token.offset))
        case .leftParenthesis:
            let open = advance()
            try expectOperand(after: open)
            let inner = try parseSum()
            try close(open)
            return inner
        default:
            throw SyntaxError("expected an expression, found \(token.quoted)", at: token.offset)
        }
    }

    /// `name ( arguments )`, with the cursor on `(`.
    private mutating func parseCall(of name: Token) throws(SyntaxError) -> Expression {
        guard let function = BuiltinFunction(rawValue: name.spelling) else {
            throw SyntaxError(
                "unknown function '\(name.spelling)'; the functions are \(BuiltinFunction.knownNames)", at: name.offset)
        }
        let open = advance()
        var arguments: [Expression] = []
        if current.kind != .rightParenthesis {
            try expectOperand(after: open)
            arguments.append(try parseSum())
            while current.kind == .comma {
                let comma = advance()
                try expectOperand(after: comma)
                arguments.append(try parseSum())
            }
        }
        switch current.kind {
        case .rightParenthesis: advance()
        case .end: throw unclosed(open)
        default:
            throw SyntaxError(
                "unexpected \(current.quoted) in the arguments of '\(name.spelling)': expected ',' or ')'",
                at: current.offset)
        }
        if let problem = function.argumentCountProblem(arguments.count) {
            throw SyntaxError(problem, at: name.offset)
        }
        return .call(function, arguments)
    }

    /// `[-k]` after `name`, with the cursor on `[`; returns `k`.
    private mutating func parseLag(of name: String) throws(SyntaxError) -> Int {
        advance()
        guard current.kind == .minus else {
            if case .number = current.kind {
                throw SyntaxError(
                    "'\(name)[\(current.spelling)]' would read a future period; a lag is written \(name)[-k] with k ≥ 1",
                    at: current.offset)
            }
            throw SyntaxError(
                "expected '-' and a number of periods in the lag of '\(name)', as in \(name)[-1]",
                at: current.offset)
        }
        advance()
        let periods = current
        guard case .number = periods.kind else {
            throw SyntaxError(
                "expected a number of periods in the lag of '\(name)', found \(periods.quoted)",
                at: periods.offset)
        }
        guard periods.spelling.unicodeScalars.allSatisfy({ $0 >= "0" && $0 <= "9" }),
            let lag = Int(periods.spelling), lag <= 1_000_000
        else {
            throw SyntaxError(
                "a lag must be a whole number of periods, found '\(periods.spelling)'",
                at: periods.offset)
        }
        guard lag >= 1 else {
            throw SyntaxError(
                "a lag must be at least one period: write \(name)[-1], or \(name) for the current period",
                at: periods.offset)
        }
        advance()
        guard current.kind == .rightBracket else {
            throw SyntaxError("expected ']' to close the lag of '\(name)', found \(current.quoted)", at: current.offset)
        }
        advance()
        return lag
    }

    /// Consumes the `)` matching `open`.
    private mutating func close(_ open: Token) throws(SyntaxError) {
        switch current.kind {
        case .rightParenthesis: advance()
        case .end: throw unclosed(open)
        default:
            throw SyntaxError("unexpected \(current.quoted): expected an operator or ')'", at: current.offset)
        }
    }

    private func unclosed(_ open: Token) -> SyntaxError {
        SyntaxError("unbalanced parenthesis: this '(' is never closed", at: open.offset)
    }

    /// Throws unless the token under the cursor can begin an expression.
    mutating func expectOperand(after token: Token) throws(SyntaxError) {
        guard !current.canStartExpression else { return }
        let found = current.kind == .end ? "" : ", found \(current.quoted)"
        throw SyntaxError("expected an expression after '\(token.spelling)'\(found)", at: token.offset)
    }

    /// Throws unless the whole text has been read.
    func expectEnd() throws(SyntaxError) {
        guard current.kind == .end else { throw unexpectedToken() }
    }

    /// The error for a token that cannot follow a complete expression.
    func unexpectedToken() -> SyntaxError {
        switch current.kind {
        case .rightParenthesis:
            SyntaxError("unbalanced parenthesis: this ')' has no matching '('", at: current.offset)
        case .equals:
            SyntaxError("unexpected second '=': an equation has exactly one '='", at: current.offset)
        default:
            SyntaxError("unexpected \(current.quoted): expected an operator such as + or *", at: current.offset)
        }
    }
}
