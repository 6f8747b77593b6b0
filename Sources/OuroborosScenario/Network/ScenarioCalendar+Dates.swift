public import OuroborosCore

extension ScenarioCalendar {
    /// A calendar from the period holding `start` through the period holding `end`'s last month;
    /// `nil` when `end` comes before `start`. A quarterly calendar starts with the quarter holding `start`.
    public init?(start: CalendarPeriod, end: CalendarPeriod, monthsPerStep: Int) {
        let timeline = Timeline(from: start, through: end, step: monthsPerStep == 3 ? .quarterly : .monthly)
        guard end.lastMonth.monthIndex >= start.firstMonth.monthIndex, timeline.count > 0 else { return nil }
        self.init(
            startYear: timeline.start.year, startMonth: timeline.start.month,
            monthsPerStep: timeline.step.months, periods: timeline.count)
    }

    /// The first month of period 1, as months since January of year 0.
    public var startMonthIndex: Int { startYear * 12 + startMonth - 1 }

    /// The first month of period `t` (period 0 is the step before the start), as months since January of year 0.
    public func firstMonthIndex(ofPeriod t: Int) -> Int { startMonthIndex + (t - 1) * monthsPerStep }

    /// The calendar's first month (`2025-01`).
    public var firstMonth: CalendarPeriod { CalendarPeriod(containingMonth: startMonthIndex) }

    /// The calendar's last month (`2030-12`).
    public var lastMonth: CalendarPeriod { CalendarPeriod(containingMonth: startMonthIndex + periods * monthsPerStep - 1) }

    /// `2025-01 … 2030-12`, for messages.
    public var horizonDescription: String { "\(firstMonth) … \(lastMonth)" }

    /// The period (1…periods) holding the first month of `date`, or `nil` outside the horizon.
    public func period(containing date: CalendarPeriod) -> Int? {
        period(year: date.firstMonth.year, month: date.firstMonth.month)
    }

    /// The period holding the month `monthIndex` (months since January of year 0), counting past the
    /// horizon (a maturity after the last period); `nil` before period 1.
    public func unboundedPeriod(containingMonth monthIndex: Int) -> Int? {
        let offset = monthIndex - startMonthIndex
        guard offset >= 0 else { return nil }
        return offset / monthsPerStep + 1
    }
}
