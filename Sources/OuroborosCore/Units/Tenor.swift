/// A length of time in whole months: a loan's tenor, a delivery delay, an interconnection queue.
///
/// Read from `6m`, `18 months`, `2y`, `1.5 years`, `3q` or `2 quarters` (units in any case).
/// A unit is required, the length must not be negative, and it must come to whole months.
public struct Tenor: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length in months.
    public var months: Int

    /// A length of `months` months.
    public init(months: Int) {
        self.months = months
    }

    /// Reads a duration such as `6m`, `18 months`, `2y` or `3q`.
    public init(parsing text: some StringProtocol) throws(UnitParseError) {
        func failure(_ reason: String? = nil) -> UnitParseError {
            UnitParseError(text: String(text), expected: ExpectedForm.tenor, reason: reason)
        }
        var scanner = DecimalLiteralScanner(text)
        let sign = scanner.sign()
        guard let literal = scanner.unsignedNumber() else { throw failure() }
        scanner.skipSpaces()
        let word = scanner.unitWord()
        guard scanner.isAtEnd, let monthsPerUnit = Self.monthsPerUnit[word] else { throw failure() }
        if sign == -1 { throw failure("a duration cannot be negative") }
        guard let count = literal.value() else { throw failure("the number is too large") }
        let months = count * Double(monthsPerUnit)
        guard months < 1e15 else { throw failure("the number is too large") }
        let whole = months.rounded()
        guard abs(months - whole) <= 1e-9 * max(1, months) else {
            throw failure("\(DecimalText.trimmingZeros(DecimalText.fixed(months, decimals: 4))) months is not a whole number of months")
        }
        self.months = Int(whole)
    }

    /// Unit words and the months each stands for.
    static let monthsPerUnit: [String: Int] = [
        "m": 1, "mo": 1, "mos": 1, "mon": 1, "month": 1, "months": 1,
        "q": 3, "qtr": 3, "qtrs": 3, "quarter": 3, "quarters": 3,
        "y": 12, "yr": 12, "yrs": 12, "year": 12, "years": 12,
    ]

    /// The length in years (`1.5` for 18 months).
    public var years: Double { Double(months) / 12 }

    /// Orders lengths by months.
    public static func < (lhs: Tenor, rhs: Tenor) -> Bool { lhs.months < rhs.months }

    /// `2y` for whole years, `6m` otherwise.
    public var description: String {
        months != 0 && months % 12 == 0 ? "\(months / 12)y" : "\(months)m"
    }
}
