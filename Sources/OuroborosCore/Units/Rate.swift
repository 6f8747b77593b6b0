/// An interest rate, spread or growth rate as a decimal fraction (`0.0425` for 4.25%).
///
/// Read from `4.25%`, `150bp`, `150 bps`, `-300bp` or a plain fraction `0.0425`.
/// NaN, infinities and numbers too large for a double are refused.
public struct Rate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The rate as a fraction per year (or per whatever period the caller states).
    public var value: Double

    /// A rate equal to the fraction `value` (`0.05` is 5%).
    public init(_ value: Double) {
        self.value = value
    }

    /// A rate of `percent` percent.
    public init(percent: Double) {
        self.value = percent / 100
    }

    /// A rate of `basisPoints` hundredths of a percent.
    public init(basisPoints: Double) {
        self.value = basisPoints / 10_000
    }

    /// Reads a rate such as `4.25%`, `150bp`, `150 bps`, `-300bp` or `0.0425`.
    public init(parsing text: some StringProtocol) throws(UnitParseError) {
        func failure(_ reason: String? = nil) -> UnitParseError {
            UnitParseError(text: String(text), expected: ExpectedForm.rate, reason: reason)
        }
        var scanner = DecimalLiteralScanner(text)
        let sign = scanner.sign() ?? 1
        guard let literal = scanner.unsignedNumber() else { throw failure() }
        scanner.skipSpaces()
        let word = scanner.unitWord()
        let shift: Int
        switch word {
        case "": shift = 0
        case "%": shift = -2
        case "bp", "bps": shift = -4
        default: throw failure()
        }
        guard scanner.isAtEnd else { throw failure() }
        guard let magnitude = literal.value(shiftedBy: shift) else { throw failure("the number is too large") }
        self.value = sign * magnitude
    }

    /// The rate in percent (`4.25` for 4.25%).
    public var percent: Double { value * 100 }

    /// The rate in basis points (`150` for 1.5%).
    public var basisPoints: Double { value * 10_000 }

    /// Orders rates by value.
    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.value < rhs.value }

    /// The rate in percent with at most `maximumDecimals` decimals: `4.25%`, `-3%`.
    public func formatted(maximumDecimals: Int = 4) -> String {
        DecimalText.trimmingZeros(DecimalText.fixed(percent, decimals: maximumDecimals)) + "%"
    }

    /// The rate in whole or fractional basis points: `150bp`, `-300bp`.
    public func formattedInBasisPoints(maximumDecimals: Int = 2) -> String {
        DecimalText.trimmingZeros(DecimalText.fixed(basisPoints, decimals: maximumDecimals)) + "bp"
    }

    /// The rate in percent, e.g. `4.25%`.
    public var description: String { formatted() }
}
