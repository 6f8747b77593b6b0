extension CalendarPeriod {
    /// Reads a period: a month `2025-09` (two digits, as ISO 8601 writes it: `2025-1` could be a slip
    /// for `2025-10` or `2025-Q1` and is refused), a quarter `2025Q3`, `2025-Q3` or `Q3 2025`,
    /// a year `2025`, or a day `2025-09-15`, which is read as its month.
    public init(parsing text: some StringProtocol) throws(UnitParseError) {
        func failure(_ reason: String? = nil) -> UnitParseError {
            UnitParseError(text: String(text), expected: ExpectedForm.period, reason: reason)
        }
        var scanner = DecimalLiteralScanner(text)
        if scanner.consume("Q") || scanner.consume("q") {
            guard let quarter = scanner.digits(), quarter.count == 1 else { throw failure() }
            scanner.skipSpaces()
            _ = scanner.consume("-")
            scanner.skipSpaces()
            guard let year = scanner.digits(), year.count == 4, scanner.isAtEnd else { throw failure() }
            try Self.check(quarter: quarter.value, failure)
            self.init(year: year.value, quarter: quarter.value)
            return
        }
        guard let year = scanner.digits(), year.count == 4 else { throw failure() }
        if scanner.isAtEnd {
            self.init(year: year.value)
            return
        }
        let dash = scanner.consume("-")
        if !dash { scanner.skipSpaces() }
        if scanner.consume("Q") || scanner.consume("q") {
            guard let quarter = scanner.digits(), quarter.count == 1, scanner.isAtEnd else { throw failure() }
            try Self.check(quarter: quarter.value, failure)
            self.init(year: year.value, quarter: quarter.value)
            return
        }
        guard dash, let month = scanner.digits(), month.count <= 2 else { throw failure() }
        guard month.count == 2 else {
            throw failure(month.value >= 1 ? "write the month with two digits: \(year.value)-0\(month.value)" : nil)
        }
        guard (1...12).contains(month.value) else { throw failure("month \(month.value) is not between 1 and 12") }
        if scanner.consume("-") {
            guard let day = scanner.digits(), day.count == 2, scanner.isAtEnd else { throw failure() }
            let days = Self.daysInMonth(year: year.value, month: month.value)
            guard (1...days).contains(day.value) else {
                throw failure("day \(day.value) is not between 1 and \(days)")
            }
        }
        guard scanner.isAtEnd else { throw failure() }
        self.init(year: year.value, month: month.value)
    }

    private static func check(quarter: Int, _ failure: (String?) -> UnitParseError) throws(UnitParseError) {
        guard (1...4).contains(quarter) else { throw failure("quarter \(quarter) is not between 1 and 4") }
    }

    /// The number of days in `month` of `year` (Gregorian calendar).
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
