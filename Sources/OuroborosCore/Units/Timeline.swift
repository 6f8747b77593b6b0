/// The clock of a simulation, in the convention of stock-flow-consistent models: period 0 is the
/// initial state (the opening balance sheet, dated one step before the start), periods 1 … `periods`
/// are simulated, each a month or a quarter.
///
/// ```swift
/// let clock = Timeline(start: CalendarPeriod(year: 2025, month: 1), periods: 72)
/// clock.label(0)    // "2024-12": the opening balance sheet
/// clock.label(1)    // "2025-01"
/// clock.period(containing: CalendarPeriod(year: 2026, month: 3))   // 15
/// ```
///
/// Encoded as `{startYear, startMonth, monthsPerStep, periods}`.
public struct Timeline: Sendable, Hashable, Codable {
    /// How far the clock moves each period.
    public enum Step: String, Sendable, Hashable, CaseIterable {
        /// One month per period.
        case monthly
        /// One quarter per period.
        case quarterly

        /// The months in one step.
        public var months: Int { granularity.months }

        /// The calendar granularity of one period.
        public var granularity: CalendarPeriod.Granularity {
            switch self {
            case .monthly: .month
            case .quarterly: .quarter
            }
        }

        /// The step of `months` months (3: quarterly, anything else: monthly).
        public init(months: Int) {
            self = months == 3 ? .quarterly : .monthly
        }
    }

    /// Period 1, the first simulated one (a month for a monthly clock, a quarter for a quarterly one).
    public let start: CalendarPeriod
    /// Monthly or quarterly.
    public let step: Step
    /// The number of simulated periods (period 0, the initial state, is not counted).
    public let periods: Int

    /// A clock of `periods` simulated periods of `step`, the first being the one that holds `start`'s first month.
    public init(start: CalendarPeriod, step: Step = .monthly, periods: Int) {
        precondition(periods >= 0, "Timeline: the number of periods must not be negative")
        self.start = start.converted(to: step.granularity)
        self.step = step
        self.periods = periods
    }

    /// A clock from the period holding `start` through the period holding `end`'s last month; `nil`
    /// when `end` ends before `start` begins.
    public init?(from start: CalendarPeriod, through end: CalendarPeriod, step: Step = .monthly) {
        guard end.lastMonth.monthIndex >= start.firstMonth.monthIndex else { return nil }
        let first = start.converted(to: step.granularity)
        let last = end.lastMonth.converted(to: step.granularity)
        self.init(start: first, step: step, periods: first.months(to: last) / step.months + 1)
    }

    /// Months per period: 1 or 3.
    public var monthsPerStep: Int { step.months }

    /// Periods per calendar year: 12 or 4 (to turn annual rates into per-period ones).
    public var periodsPerYear: Int { 12 / step.months }

    /// The fraction of a year one period spans (1/12 monthly, 1/4 quarterly).
    public var yearFraction: Double { Double(step.months) / 12 }

    /// The calendar period of period `t` (0 = the step before the start; any `t` extrapolates the clock).
    public func period(at t: Int) -> CalendarPeriod {
        start.advanced(by: t - 1)
    }

    /// The label of period `t`: `2025-09` on a monthly clock, `2025Q3` on a quarterly one.
    public func label(_ t: Int) -> String {
        period(at: t).description
    }

    /// The labels of periods 0 … `periods`.
    public var labels: [String] { (0...periods).map(label) }

    /// The first simulated month (`2025-01`).
    public var firstMonth: CalendarPeriod { start.firstMonth }

    /// The last simulated month (`2030-12`).
    public var lastMonth: CalendarPeriod { CalendarPeriod(containingMonth: firstMonthIndex(ofPeriod: periods + 1) - 1) }

    /// `2025-01 … 2030-12`, for messages.
    public var horizonDescription: String { "\(firstMonth) … \(lastMonth)" }

    /// The first month of period `t`, as months since January of year 0.
    public func firstMonthIndex(ofPeriod t: Int) -> Int { start.monthIndex + (t - 1) * step.months }

    /// The period (1 … `periods`) holding the first month of `date`, or `nil` outside the horizon.
    ///
    /// A year on a monthly clock maps to its January, a quarter to its first month.
    public func period(containing date: CalendarPeriod) -> Int? {
        guard let t = unboundedPeriod(containingMonth: date.firstMonth.monthIndex), t <= periods else { return nil }
        return t
    }

    /// The period holding the month `monthIndex` (months since January of year 0), counting past the
    /// horizon (a maturity after the last period); `nil` before period 1.
    public func unboundedPeriod(containingMonth monthIndex: Int) -> Int? {
        let offset = monthIndex - start.monthIndex
        guard offset >= 0 else { return nil }
        return offset / step.months + 1
    }

    /// The period a label such as `2025-09` or `2025Q3` falls in, or `nil` when outside the horizon.
    public func period(ofLabel text: some StringProtocol) throws(UnitParseError) -> Int? {
        period(containing: try CalendarPeriod(parsing: text))
    }

    /// The simulated periods that overlap `date` (a year on a monthly clock: its twelve months), clipped to 1 … `periods`.
    public func periods(overlapping date: CalendarPeriod) -> Range<Int> {
        let from = date.firstMonth.monthIndex - start.monthIndex
        let through = from + date.lengthInMonths - 1
        let floorDiv = { (value: Int) in value >= 0 ? value / step.months : -((-value + step.months - 1) / step.months) }
        let lower = max(1, floorDiv(from) + 1)
        let upper = min(periods + 1, floorDiv(through) + 2)
        return lower < upper ? lower..<upper : lower..<lower
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey {
        case startYear, startMonth, monthsPerStep, periods
    }

    /// Reads `{startYear, startMonth, monthsPerStep, periods}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .startYear)
        let month = try container.decode(Int.self, forKey: .startMonth)
        let months = try container.decode(Int.self, forKey: .monthsPerStep)
        let periods = try container.decode(Int.self, forKey: .periods)
        guard (1...12).contains(month), months == 1 || months == 3, periods >= 0 else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "not a calendar: \(year)-\(month), \(months) months a step, \(periods) periods")
            )
        }
        self.init(start: CalendarPeriod(year: year, month: month), step: Step(months: months), periods: periods)
    }

    /// Writes `{startYear, startMonth, monthsPerStep, periods}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start.year, forKey: .startYear)
        try container.encode(start.month, forKey: .startMonth)
        try container.encode(step.months, forKey: .monthsPerStep)
        try container.encode(periods, forKey: .periods)
    }
}
