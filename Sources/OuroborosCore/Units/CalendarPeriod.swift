/// A calendar month, quarter or year: `2025-09`, `2025Q3`, `2025`.
///
/// Periods are ordered by their first month; of periods that start together the longer comes
/// first: `2025` < `2025Q1` < `2025-01` < `2025-02`.
public struct CalendarPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How long a period is.
    public enum Granularity: String, Sendable, Hashable, CaseIterable {
        /// One calendar month.
        case month
        /// Three months, starting in January, April, July or October.
        case quarter
        /// Twelve months, starting in January.
        case year

        /// The number of months in one period.
        public var months: Int {
            switch self {
            case .month: 1
            case .quarter: 3
            case .year: 12
            }
        }
    }

    /// Month, quarter or year.
    public let granularity: Granularity
    /// The first month as months since January of year 0 (`year * 12 + month - 1`).
    public let monthIndex: Int

    /// The month, quarter or year of `granularity` that contains month `monthIndex`
    /// (counted from January of year 0).
    public init(containingMonth monthIndex: Int, granularity: Granularity = .month) {
        let length = granularity.months
        let floored = monthIndex >= 0 ? monthIndex / length : -((-monthIndex + length - 1) / length)
        self.granularity = granularity
        self.monthIndex = floored * length
    }

    /// The month `month` (1–12) of `year`.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "CalendarPeriod: month \(month) is not between 1 and 12")
        self.init(containingMonth: year * 12 + month - 1, granularity: .month)
    }

    /// The quarter `quarter` (1–4) of `year`.
    public init(year: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "CalendarPeriod: quarter \(quarter) is not between 1 and 4")
        self.init(containingMonth: year * 12 + (quarter - 1) * 3, granularity: .quarter)
    }

    /// The calendar year `year`.
    public init(year: Int) {
        self.init(containingMonth: year * 12, granularity: .year)
    }

    /// The year of the first month.
    public var year: Int {
        monthIndex >= 0 ? monthIndex / 12 : -((-monthIndex + 11) / 12)
    }

    /// The first month's number in its year, 1–12.
    public var month: Int { monthIndex - year * 12 + 1 }

    /// The quarter (1–4) that holds the first month.
    public var quarter: Int { (month - 1) / 3 + 1 }

    /// The number of months the period spans (1, 3 or 12).
    public var lengthInMonths: Int { granularity.months }

    /// The period's first month.
    public var firstMonth: CalendarPeriod { CalendarPeriod(containingMonth: monthIndex) }

    /// The period's last month.
    public var lastMonth: CalendarPeriod { CalendarPeriod(containingMonth: monthIndex + lengthInMonths - 1) }

    /// The period of the same granularity that contains the month `months` after this one's first month.
    ///
    /// For a month this is plain month arithmetic (`2025-11` + 3 = `2026-02`); for a quarter or a
    /// year, whole multiples of its length move by whole periods (`2025Q3` + 6 = `2026Q1`).
    public func adding(months: Int) -> CalendarPeriod {
        CalendarPeriod(containingMonth: monthIndex + months, granularity: granularity)
    }

    /// The period `count` periods of the same length later (earlier when negative).
    public func advanced(by count: Int) -> CalendarPeriod {
        adding(months: count * lengthInMonths)
    }

    /// Months from this period's first month to `other`'s first month (negative when `other` is earlier).
    public func months(to other: CalendarPeriod) -> Int {
        other.monthIndex - monthIndex
    }

    /// Months from `start`'s first month to `end`'s first month.
    public static func monthsBetween(_ start: CalendarPeriod, _ end: CalendarPeriod) -> Int {
        start.months(to: end)
    }

    /// Whether every month of `other` lies within this period.
    public func contains(_ other: CalendarPeriod) -> Bool {
        other.monthIndex >= monthIndex && other.monthIndex + other.lengthInMonths <= monthIndex + lengthInMonths
    }

    /// The period of `granularity` that contains this period's first month.
    public func converted(to granularity: Granularity) -> CalendarPeriod {
        CalendarPeriod(containingMonth: monthIndex, granularity: granularity)
    }

    /// Orders by first month, then longer periods first.
    public static func < (lhs: CalendarPeriod, rhs: CalendarPeriod) -> Bool {
        if lhs.monthIndex != rhs.monthIndex { return lhs.monthIndex < rhs.monthIndex }
        return lhs.lengthInMonths > rhs.lengthInMonths
    }

    /// `2025-09`, `2025Q3` or `2025`.
    public var description: String {
        let yearText = year >= 0 && year < 1000 ? zeroPadded(year, width: 4) : String(year)
        switch granularity {
        case .month: return "\(yearText)-\(zeroPadded(month, width: 2))"
        case .quarter: return "\(yearText)Q\(quarter)"
        case .year: return yearText
        }
    }

    private func zeroPadded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
