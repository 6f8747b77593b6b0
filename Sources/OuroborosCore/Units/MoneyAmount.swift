/// An amount of money in US dollars, read from text such as `$300B`, `$1.4T`, `20bn` or `$35,000`.
///
/// Accepted: an optional sign (`-500B`, `-$500B` or `$-500B`), an optional `$`, a decimal number
/// (thousands separators `35,000`, exponents `1.2e9`), and an optional scale word, case-insensitive:
/// `k`/`thousand`, `m`/`mn`/`mm`/`million`, `b`/`bn`/`billion`, `t`/`tn`/`trillion` (plurals too).
/// NaN, infinities and numbers too large for a double are refused.
public struct MoneyAmount: Sendable, Hashable, Comparable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in US dollars.
    public var usd: Double

    /// An amount of `usd` dollars.
    public init(_ usd: Double) {
        self.usd = usd
    }

    /// An amount of `value` million dollars.
    public static func millions(_ value: Double) -> MoneyAmount { MoneyAmount(value * 1e6) }
    /// An amount of `value` billion dollars.
    public static func billions(_ value: Double) -> MoneyAmount { MoneyAmount(value * 1e9) }
    /// An amount of `value` trillion dollars.
    public static func trillions(_ value: Double) -> MoneyAmount { MoneyAmount(value * 1e12) }

    /// Reads an amount such as `$300B`, `$1.4T`, `20bn`, `$2.5 billion`, `-500B` or `1.2e9`.
    public init(parsing text: some StringProtocol) throws(UnitParseError) {
        func failure(_ reason: String? = nil) -> UnitParseError {
            UnitParseError(text: String(text), expected: ExpectedForm.money, reason: reason)
        }
        var scanner = DecimalLiteralScanner(text)
        var sign = scanner.sign()
        let sawDollar = scanner.consume("$")
        if sawDollar, sign == nil { sign = scanner.sign() }
        guard let literal = scanner.unsignedNumber() else { throw failure() }
        scanner.skipSpaces()
        let word = scanner.unitWord()
        guard scanner.isAtEnd, let shift = Self.scaleExponents[word] else { throw failure() }
        guard let magnitude = literal.value(shiftedBy: shift) else {
            throw failure("the number is too large")
        }
        self.usd = (sign ?? 1) * magnitude
    }

    /// Scale words and the power of ten each stands for.
    static let scaleExponents: [String: Int] = [
        "": 0,
        "k": 3, "thousand": 3, "thousands": 3,
        "m": 6, "mn": 6, "mm": 6, "million": 6, "millions": 6,
        "b": 9, "bn": 9, "billion": 9, "billions": 9,
        "t": 12, "tn": 12, "trillion": 12, "trillions": 12,
    ]

    /// No money.
    /// The largest magnitude of any amount or count a user may give (a scenario value, a CSV cell,
    /// a shock): $1,000T, about ten times world GDP, so that sums over millions of firms, edges and
    /// periods stay far from overflow; `1e308` is an error where it is written, not an `inf` later.
    public static let largestInputMagnitude = 1e15

    public static let zero = MoneyAmount(0)

    /// The sum of two amounts.
    public static func + (lhs: MoneyAmount, rhs: MoneyAmount) -> MoneyAmount { MoneyAmount(lhs.usd + rhs.usd) }
    /// The difference of two amounts.
    public static func - (lhs: MoneyAmount, rhs: MoneyAmount) -> MoneyAmount { MoneyAmount(lhs.usd - rhs.usd) }
    /// An amount scaled by a factor (a share, a price change).
    public static func * (lhs: MoneyAmount, rhs: Double) -> MoneyAmount { MoneyAmount(lhs.usd * rhs) }
    /// An amount scaled by a factor (a share, a price change).
    public static func * (lhs: Double, rhs: MoneyAmount) -> MoneyAmount { MoneyAmount(lhs * rhs.usd) }
    /// The negated amount (a payment made rather than received).
    public static prefix func - (amount: MoneyAmount) -> MoneyAmount { MoneyAmount(-amount.usd) }

    /// Orders amounts by their value in dollars.
    public static func < (lhs: MoneyAmount, rhs: MoneyAmount) -> Bool { lhs.usd < rhs.usd }

    /// The amount in the short form analysts write: `$1.4T`, `$300B`, `$20.5M`, `$35K`, `-$500B`.
    ///
    /// The scale letter is chosen so that 1 ≤ mantissa < 1000 after rounding to
    /// `significantDigits` (1–15) significant digits; trailing zeros are dropped.
    public func formatted(significantDigits: Int = 3) -> String {
        guard usd.isFinite else {
            return usd.isNaN ? "$nan" : (usd < 0 ? "-$inf" : "$inf")
        }
        let magnitude = abs(usd)
        let scales: [(divisor: Double, letter: String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"), (1, "")]
        var index = scales.firstIndex { magnitude >= $0.divisor } ?? scales.count - 1
        var mantissa = DecimalText.significant(magnitude / scales[index].divisor, digits: significantDigits)
        if mantissa.value >= 1000, index > 0 {
            index -= 1
            mantissa = DecimalText.significant(magnitude / scales[index].divisor, digits: significantDigits)
        }
        let sign = usd < 0 && mantissa.value > 0 ? "-" : ""
        return "\(sign)$\(mantissa.text)\(scales[index].letter)"
    }

    /// The amount with three significant digits, e.g. `$1.4T`.
    public var description: String { formatted() }
}
