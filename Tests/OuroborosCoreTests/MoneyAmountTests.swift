import OuroborosCore
import Testing

@Suite("Money amounts")
struct MoneyAmountTests {
    @Test(
        "reads the forms analysts write",
        arguments: [
            ("$300B", 300e9), ("$1.4T", 1.4e12), ("20bn", 20e9), ("$35,000", 35_000), ("500M", 500e6),
            ("$2.5 billion", 2.5e9), ("-500B", -500e9), ("1.2e9", 1.2e9), ("42", 42), ("0.5", 0.5),
            ("-$500B", -500e9), ("$-500B", -500e9), ("+7k", 7e3), ("7K", 7e3), ("3 thousand", 3e3),
            ("2mn", 2e6), ("4 Million", 4e6), ("1 TN", 1e12), ("2 trillion", 2e12), ("$1,234,567.89", 1_234_567.89),
            ("  $300B  ", 300e9), ("1.5E3", 1.5e3), ("$.5M", 0.5e6), ("12 billions", 12e9), ("\u{2212}5bn", -5e9),
        ])
    func parses(text: String, usd: Double) throws {
        #expect(try MoneyAmount(parsing: text).usd == usd)
    }

    @Test("refuses what is not an amount, saying what was expected")
    func rejectsWithMessage() {
        let error = #expect(throws: UnitParseError.self) { try MoneyAmount(parsing: "30X") }
        #expect(error?.description == #"expected an amount such as $300B, $1.4T or 20bn, found "30X""#)
        #expect(error?.text == "30X")
    }

    @Test(
        "refuses NaN, infinities and malformed numbers",
        arguments: [
            "nan", "NaN", "inf", "-inf", "infinity", "", "$", "B", "1,00", "1,0000", "12 apples", "$$5", "--5",
            "5 B B", "1e", "0x10", "1.2.3", "$300B!",
        ])
    func rejects(text: String) {
        #expect(throws: UnitParseError.self) { try MoneyAmount(parsing: text) }
    }

    @Test("refuses numbers too large for a double and says why")
    func rejectsOverflow() {
        let error = #expect(throws: UnitParseError.self) { try MoneyAmount(parsing: "1e400T") }
        #expect(error?.reason == "the number is too large")
        #expect(error?.description.contains(#"found "1e400T" (the number is too large)"#) == true)
    }

    @Test(
        "prints three significant digits with a scale letter",
        arguments: [
            (1.4e12, "$1.4T"), (300e9, "$300B"), (20.5e6, "$20.5M"), (35_000, "$35K"), (-500e9, "-$500B"),
            (999_999, "$1M"), (999.6e9, "$1T"), (1234.5, "$1.23K"), (0, "$0"), (12.5, "$12.5"), (0.5, "$0.5"),
            (1.0e15, "$1000T"), (2.2e18, "$2200000T"),
        ])
    func formats(usd: Double, text: String) {
        #expect(MoneyAmount(usd).description == text)
    }

    @Test("significant digits are configurable")
    func formatsWithDigits() {
        #expect(MoneyAmount(1234.5).formatted(significantDigits: 5) == "$1.2345K")
        #expect(MoneyAmount(1.456e12).formatted(significantDigits: 2) == "$1.5T")
        #expect(MoneyAmount(1.456e12).formatted(significantDigits: 1) == "$1T")
    }

    @Test("printed amounts read back")
    func roundTrips() throws {
        for usd in [1.4e12, 300e9, 20.5e6, -500e9, 35_000.0, 7.25] {
            #expect(try MoneyAmount(parsing: MoneyAmount(usd).description).usd == usd)
        }
    }

    @Test("adds, subtracts, scales and orders")
    func arithmetic() {
        let a = MoneyAmount.billions(300)
        let b = MoneyAmount.trillions(1.4)
        #expect((a + b).usd == 1.7e12)
        #expect((b - a).usd == 1.1e12)
        #expect((a * 0.5).usd == 150e9)
        #expect((-a).usd == -300e9)
        #expect(a < b)
        #expect(MoneyAmount.millions(2).usd == 2e6)
        #expect(MoneyAmount.zero.usd == 0)
    }
}
