public import OuroborosScenario

/// A scenario calendar in a shard file.
public struct CalendarSpec: Codable, Sendable, Hashable {
    /// Year and month of the first period, months per period, number of periods.
    public var startYear: Int, startMonth: Int, monthsPerStep: Int, periods: Int

    /// The fields of `calendar`.
    public init(_ calendar: ScenarioCalendar) {
        startYear = calendar.startYear
        startMonth = calendar.startMonth
        monthsPerStep = calendar.monthsPerStep
        periods = calendar.periods
    }

    /// The calendar.
    public var calendar: ScenarioCalendar {
        ScenarioCalendar(startYear: startYear, startMonth: startMonth, monthsPerStep: monthsPerStep, periods: periods)
    }
}
