/// Splits an equation's text into tokens, rejecting malformed numbers and stray characters.
///
/// Names start with a letter or `_` and continue with letters, digits and `_`. Numbers are
/// `12`, `1.5`, `.5`, `1.` with an optional exponent `e-3`/`E+3`.
enum Lexer {
    /// The most tokens one equation may have; longer input is an error, so that no expression
    /// can be deep enough to exhaust the stack when it is compiled.
    static let maximumTokens = 5_000

    /// The tokens of `text`, always ending with an `.end` token at the text's length.
    static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            if tokens.count >= maximumTokens {
                throw SyntaxError("equation longer than \(maximumTokens) tokens; split it into several equations", at: index)
            }
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
            } else if isNameStart(scalar) {
                let start = index
                while index < scalars.count, isNameContinuation(scalars[index]) { index += 1 }
                let name = string(scalars[start..<index])
                tokens.append(Token(kind: .identifier(name), offset: start, spelling: name))
            } else if isDigit(scalar) || scalar == "." {
                tokens.append(try number(in: scalars, at: &index))
            } else {
                tokens.append(Token(kind: try punctuation(scalar, at: index), offset: index, spelling: String(scalar)))
                index += 1
            }
        }
        tokens.append(Token(kind: .end, offset: scalars.count, spelling: ""))
        return tokens
    }

    /// Reads the number starting at `index` and moves `index` past it.
    private static func number(in scalars: [Unicode.Scalar], at index: inout Int) throws(SyntaxError) -> Token {
        let start = index
        var points = 0
        var digits = 0
        while index < scalars.count, isDigit(scalars[index]) || scalars[index] == "." {
            if scalars[index] == "." { points += 1 } else { digits += 1 }
            index += 1
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            let marker = scalars[index]
            var end = index + 1
            if end < scalars.count, scalars[end] == "+" || scalars[end] == "-" { end += 1 }
            let exponentStart = end
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            if end == exponentStart {
                throw SyntaxError(
                    "malformed number '\(string(scalars[start..<end]))': expected digits after the exponent '\(marker)'",
                    at: start)
            }
            index = end
        }
        let text = string(scalars[start..<index])
        if points > 1 {
            throw SyntaxError("malformed number '\(text)': more than one decimal point", at: start)
        }
        if digits == 0 {
            throw SyntaxError("malformed number '\(text)': a number needs at least one digit", at: start)
        }
        guard let value = Double(text), value.isFinite else {
            throw SyntaxError("number '\(text)' is too large to represent", at: start)
        }
        return Token(kind: .number(value), offset: start, spelling: text)
    }

    /// The operator or bracket token for `scalar`.
    private static func punctuation(_ scalar: Unicode.Scalar, at offset: Int) throws(SyntaxError) -> Token.Kind {
        switch scalar {
        case "+": return .plus
        case "-": return .minus
        case "*": return .star
        case "/": return .slash
        case "^": return .caret
        case "(": return .leftParenthesis
        case ")": return .rightParenthesis
        case "[": return .leftBracket
        case "]": return .rightBracket
        case ",": return .comma
        case "=": return .equals
        default: throw SyntaxError("unexpected character '\(scalar)'", at: offset)
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.properties.isAlphabetic && !isDigit(scalar))
    }

    private static func isNameContinuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || isDigit(scalar) || scalar.properties.isAlphabetic
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
