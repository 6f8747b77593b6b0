/// The reporting periods indicators are read over, in the run's steps: a trailing quarter and a
/// trailing year (monthly steps: 3 and 12 periods; quarterly steps: 1 and 4).
struct ReportingWindow: Sendable {
    /// Months per simulated period.
    let monthsPerStep: Int
    /// Periods in a quarter (at least 1).
    let quarter: Int
    /// Periods in a year (at least 1).
    let year: Int

    init(monthsPerStep: Int) {
        self.monthsPerStep = max(1, monthsPerStep)
        quarter = max(1, 3 / self.monthsPerStep)
        year = max(1, 12 / self.monthsPerStep)
    }

    /// The sum of `series` over the `length` periods ending at `t`, from period 1 at the earliest,
    /// with the number of periods summed.
    func trailing(_ series: [Double], endingAt t: Int, length: Int) -> (sum: Double, periods: Int) {
        let first = max(1, t - length + 1)
        guard t >= first, t < series.count else { return (0, 0) }
        var sum = 0.0
        for s in first...t { sum += series[s] }
        return (sum, t - first + 1)
    }

    /// `series` summed over the trailing year ending at `t`, scaled to a full year when fewer periods exist.
    func annualised(_ series: [Double], endingAt t: Int) -> Double {
        let (sum, periods) = trailing(series, endingAt: t, length: year)
        return periods > 0 ? sum * Double(year) / Double(periods) : 0
    }
}
