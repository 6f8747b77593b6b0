/// A reader of quantities written as text: an optional sign, a decimal number with optional
/// thousands separators and exponent, and a unit word, with spaces allowed between them.
///
/// Numbers are kept as decimal text (mantissa and power of ten) until the unit is known, so that
/// `1.4T` becomes the double nearest to 1.4e12 rather than 1.4 × 1e12 with a rounding error.
struct DecimalLiteralScanner {
    /// A number as written: its digits (with at most one `.`) and its power of ten.
    struct Literal {
        /// Digits with an optional decimal point, no sign, no separators.
        var mantissa: String
        /// The explicit exponent (`e9` in `1.2e9`), 0 when absent.
        var exponent: Int

        /// The value scaled by `10^shift`, or `nil` when it overflows to infinity.
        func value(shiftedBy shift: Int = 0) -> Double? {
            let (total, overflow) = exponent.addingReportingOverflow(shift)
            if overflow { return nil }
            guard let value = Double("\(mantissa)e\(total)"), value.isFinite else { return nil }
            return value
        }
    }

    private let scalars: [Unicode.Scalar]
    private(set) var position = 0

    /// Prepares to read `text` (leading and trailing white space are ignored).
    init(_ text: some StringProtocol) {
        var all = Array(text.unicodeScalars)
        while let last = all.last, last.properties.isWhitespace { all.removeLast() }
        let firstNonSpace = all.firstIndex { !$0.properties.isWhitespace } ?? all.endIndex
        scalars = Array(all[firstNonSpace...])
    }

    /// Whether everything has been read.
    var isAtEnd: Bool { position >= scalars.count }

    /// The next scalar, if any.
    var next: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

    /// Skips spaces and tabs.
    mutating func skipSpaces() {
        while let c = next, c == " " || c == "\t" { position += 1 }
    }

    /// Reads `scalar` if it is next.
    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard next == scalar else { return false }
        position += 1
        return true
    }

    /// Reads an optional sign (`+`, `-` or the typographic minus `−`); returns -1 or +1, or `nil` if none.
    mutating func sign() -> Double? {
        switch next {
        case "+":
            position += 1
            return 1
        case "-", "\u{2212}":
            position += 1
            return -1
        default: return nil
        }
    }

    /// Reads an unsigned decimal number such as `35,000`, `1.4`, `.5` or `1.2e9`.
    ///
    /// Thousands separators must group the integer digits by three. Returns `nil` (without a
    /// guarantee about the position) when no well-formed number starts here.
    mutating func unsignedNumber() -> Literal? {
        var integer = ""
        var groupLength = 0
        var sawSeparator = false
        while let c = next {
            if let digit = c.asciiDigit {
                integer.append(Character(digit))
                groupLength += 1
                position += 1
            } else if c == ",", !integer.isEmpty {
                if sawSeparator ? groupLength != 3 : groupLength > 3 { return nil }
                sawSeparator = true
                groupLength = 0
                position += 1
            } else {
                break
            }
        }
        if sawSeparator && groupLength != 3 { return nil }
        var fraction = ""
        if consume(".") {
            while let digit = next?.asciiDigit {
                fraction.append(Character(digit))
                position += 1
            }
        }
        if integer.isEmpty && fraction.isEmpty { return nil }
        var exponent = 0
        if next == "e" || next == "E" {
            let mark = position
            position += 1
            let exponentSign = sign() ?? 1
            var digits = ""
            while let digit = next?.asciiDigit {
                digits.append(Character(digit))
                position += 1
            }
            if digits.isEmpty {
                position = mark
            } else {
                guard let magnitude = Int(digits) else { return nil }
                exponent = exponentSign < 0 ? -magnitude : magnitude
            }
        }
        let mantissa = (integer.isEmpty ? "0" : integer) + (fraction.isEmpty ? "" : "." + fraction)
        return Literal(mantissa: mantissa, exponent: exponent)
    }

    /// Reads a unit word: letters and `%`, lowercased (`bn`, `GW` → `gw`, `months`).
    mutating func unitWord() -> String {
        var word = ""
        while let c = next, c.properties.isAlphabetic || c == "%" {
            word.unicodeScalars.append(c)
            position += 1
        }
        return word.lowercased()
    }

    /// Reads a run of ASCII digits, returning them with their count, or `nil` when none is next.
    mutating func digits() -> (value: Int, count: Int)? {
        var text = ""
        while let digit = next?.asciiDigit {
            text.append(Character(digit))
            position += 1
        }
        guard !text.isEmpty, let value = Int(text) else { return nil }
        return (value, text.count)
    }
}

extension Unicode.Scalar {
    /// The scalar itself when it is an ASCII digit `0`–`9`.
    var asciiDigit: Unicode.Scalar? {
        ("0"..."9").contains(self) ? self : nil
    }
}
