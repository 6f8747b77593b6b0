public import OuroborosCore

extension EarlyWarnings {
    /// `interest_coverage` in each period: for every cloud still standing that pays interest,
    /// operating cash flow over interest paid, both summed over the trailing quarter; the lowest.
    static func interestCoverage(_ run: NetworkRunResult, window: ReportingWindow) -> [IndicatorReading] {
        let clouds = run.entities.filter { $0.sector == .hyperscaler || $0.sector == .neocloud }
        let last = run.periodLabels.count - 1
        guard last >= 1 else { return [] }
        return (1...last).compactMap { t in
            var worst: IndicatorReading?
            for cloud in clouds where cloud.defaultPeriod.map({ t < $0 }) ?? true {
                let interest = window.trailing(cloud.interest, endingAt: t, length: window.quarter).sum
                guard interest > 0 else { continue }
                let coverage = window.trailing(cloud.operatingCashFlow, endingAt: t, length: window.quarter).sum / interest
                if worst == nil || coverage < worst!.value { worst = IndicatorReading(period: t, value: coverage, entity: cloud.id) }
            }
            return worst
        }
    }
}
