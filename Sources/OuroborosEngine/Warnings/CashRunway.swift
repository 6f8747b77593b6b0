public import OuroborosCore

extension EarlyWarnings {
    /// `cash_runway` in each period: for every model lab still standing that burns cash, cash at the
    /// period's end over its average monthly net burn (operating cash flow − capex − interest over
    /// the trailing quarter, negated, per month); the shortest runway.
    static func cashRunway(_ run: NetworkRunResult, window: ReportingWindow) -> [IndicatorReading] {
        let labs = run.entities.filter { $0.sector == .modelLab }
        let last = run.periodLabels.count - 1
        guard last >= 1 else { return [] }
        return (1...last).compactMap { t in
            var worst: IndicatorReading?
            for lab in labs where lab.defaultPeriod.map({ t < $0 }) ?? true {
                let flow = window.trailing(lab.operatingCashFlow, endingAt: t, length: window.quarter)
                let capex = window.trailing(lab.capex, endingAt: t, length: window.quarter).sum
                let interest = window.trailing(lab.interest, endingAt: t, length: window.quarter).sum
                let months = Double(flow.periods * window.monthsPerStep)
                let burn = -(flow.sum - capex - interest) / months
                guard burn > 0 else { continue }
                let runway = max(0, lab.cash[t]) / burn
                if worst == nil || runway < worst!.value { worst = IndicatorReading(period: t, value: runway, entity: lab.id) }
            }
            return worst
        }
    }
}
