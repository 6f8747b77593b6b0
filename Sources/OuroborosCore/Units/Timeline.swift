/// The clock of a simulation: a first period, a step (monthly or quarterly) and a number of periods,
/// mapping period indices (0-based) to calendar labels (`2025-09`, `2025Q3`) and back.
public struct Timeline: Sendable, Hashable {
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
    }

    /// The first period (a month for a monthly clock, a quarter for a quarterly one).
    public let start: CalendarPeriod
    /// Monthly or quarterly.
    public let step: Step
    /// The number of periods.
    public let count: Int

    /// A clock of `count` periods of `step`, starting with the period that contains `start`'s first month.
    public init(start: CalendarPeriod, step: Step = .monthly, count: Int) {
        precondition(count >= 0, "Timeline: count must not be negative")
        self.start = start.converted(to: step.granularity)
        self.step = step
        self.count = count
    }

    /// A clock from the period containing `start` through the period containing `end`'s last month.
    public init(from start: CalendarPeriod, through end: CalendarPeriod, step: Step = .monthly) {
        let first = start.converted(to: step.granularity)
        let last = end.lastMonth.converted(to: step.granularity)
        self.init(start: first, step: step, count: max(0, first.months(to: last) / step.months + 1))
    }

    /// Periods per calendar year: 12 or 4 (to turn annual rates into per-period ones).
    public var periodsPerYear: Int { 12 / step.months }

    /// Every period, in order.
    public var periods: [CalendarPeriod] { (0..<count).map(period(at:)) }

    /// The last period, if there is any.
    public var end: CalendarPeriod? { count > 0 ? period(at: count - 1) : nil }

    /// The period at `index` (0-based; indices outside `0..<count` extrapolate the clock).
    public func period(at index: Int) -> CalendarPeriod {
        start.advanced(by: index)
    }

    /// The label of the period at `index`: `2025-09` on a monthly clock, `2025Q3` on a quarterly one.
    public func label(at index: Int) -> String {
        period(at: index).description
    }

    /// The index of the period that holds `date`'s first month, or `nil` when that is outside the clock.
    ///
    /// A year on a monthly clock maps to its January, a quarter to its first month.
    public func index(of date: CalendarPeriod) -> Int? {
        let offset = start.months(to: date.firstMonth)
        let index = offset >= 0 ? offset / step.months : -((-offset + step.months - 1) / step.months)
        return (0..<count).contains(index) ? index : nil
    }

    /// The index of the period a label such as `2025-09` or `2025Q3` falls in, or `nil` when outside the clock.
    public func index(ofLabel text: some StringProtocol) throws(UnitParseError) -> Int? {
        index(of: try CalendarPeriod(parsing: text))
    }

    /// The indices of the periods that overlap `date` (a year on a monthly clock: its twelve months), clipped to the clock.
    public func indices(overlapping date: CalendarPeriod) -> Range<Int> {
        let firstOffset = start.months(to: date.firstMonth)
        let lastOffset = firstOffset + date.lengthInMonths - 1
        let floorDiv = { (value: Int) in value >= 0 ? value / step.months : -((-value + step.months - 1) / step.months) }
        let lower = max(0, floorDiv(firstOffset))
        let upper = min(count, floorDiv(lastOffset) + 1)
        return lower < upper ? lower..<upper : lower..<lower
    }
}
