public import OuroborosCore

/// The early-warning indicators of one finished run (M12), period by period, and the alerts they
/// raise against thresholds: the first period each indicator crosses its threshold, on which
/// entity, and how many months before the loop's break that was.
///
/// ```swift
/// let run = try simulation.runWithDetail()
/// let warnings = EarlyWarnings(run: run.result, calendar: scenario.calendar, detail: run.detail)
/// let alert = warnings.firstAlert(.cashRunway, thresholds: WarningThresholds())
/// ```
public struct EarlyWarnings: Sendable {
    /// Period labels 0 … T, as in the run.
    public let periodLabels: [String]
    /// The calendar the run followed (months per period, the first month).
    public let calendar: Timeline
    /// The period the loop broke in, if it did.
    public let breakPeriod: Int?
    private let series: [EarlyWarningIndicator: [IndicatorReading]]

    /// Computes every indicator from `run`; `detail` (from `runWithDetail`) supplies the per-period
    /// revenue origins `vendor_financed_revenue` needs, which is empty without it.
    public init(run: NetworkRunResult, calendar: Timeline, detail: RunDetail? = nil) {
        let window = ReportingWindow(monthsPerStep: calendar.monthsPerStep)
        periodLabels = run.periodLabels
        self.calendar = calendar
        breakPeriod = run.summary.broke ? run.summary.breakPeriod : nil
        series = [
            .fundingSqueeze: Self.fundingSqueeze(run, window: window),
            .cashRunway: Self.cashRunway(run, window: window),
            .interestCoverage: Self.interestCoverage(run, window: window),
            .backlogMultiple: Self.backlogMultiple(run, window: window),
            .vendorFinancedRevenue: Self.vendorFinancedRevenue(run, detail: detail, window: window),
            .systemLiquidity: Self.systemLiquidity(run),
        ].mapValues { $0.filter { $0.value.isFinite } }
    }

    /// The readings of `indicator`, in period order; periods where it is undefined (too little
    /// history, nobody to read it on) have none.
    public func readings(_ indicator: EarlyWarningIndicator) -> [IndicatorReading] { series[indicator] ?? [] }

    /// The reading of `indicator` in `period`, if defined.
    public func reading(_ indicator: EarlyWarningIndicator, in period: Int) -> IndicatorReading? {
        readings(indicator).first { $0.period == period }
    }

    /// The first period `indicator` is on the alerting side of its threshold, or nil.
    public func firstAlert(_ indicator: EarlyWarningIndicator, thresholds: WarningThresholds) -> WarningAlert? {
        let threshold = thresholds[indicator]
        guard let hit = readings(indicator).first(where: { indicator.breaches($0.value, threshold: threshold) }) else { return nil }
        return WarningAlert(
            indicator: indicator, threshold: threshold, periodLabel: periodLabels[hit.period],
            month: monthIndex(of: hit.period), entity: hit.entity, value: hit.value,
            leadMonths: breakMonth.map { $0 - monthIndex(of: hit.period) })
    }

    /// The first alert of every indicator that raised one, in the indicators' order.
    public func alerts(thresholds: WarningThresholds) -> [WarningAlert] {
        EarlyWarningIndicator.allCases.compactMap { firstAlert($0, thresholds: thresholds) }
    }

    /// The month of the loop's break as year × 12 + month − 1, if it broke.
    public var breakMonth: Int? { breakPeriod.map(monthIndex(of:)) }

    /// The first month of period `t` as year × 12 + month − 1.
    public func monthIndex(of t: Int) -> Int {
        calendar.firstMonthIndex(ofPeriod: t)
    }
}
