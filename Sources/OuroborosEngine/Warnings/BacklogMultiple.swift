public import OuroborosCore

extension EarlyWarnings {
    /// `backlog_multiple` in each period: for every seller (cloud or chipmaker) with revenue, backlog
    /// at the period's end over trailing-twelve-month revenue (annualised while the run is younger
    /// than a year); the highest.
    static func backlogMultiple(_ run: NetworkRunResult, window: ReportingWindow) -> [IndicatorReading] {
        let sellers = run.entities.filter { EarlyWarnings.isSeller($0.sector) }
        let last = run.periodLabels.count - 1
        guard last >= 1 else { return [] }
        return (1...last).compactMap { t in
            var worst: IndicatorReading?
            for seller in sellers {
                let revenue = window.annualised(seller.revenue, endingAt: t)
                guard revenue > 0 else { continue }
                let multiple = seller.backlog[t] / revenue
                if worst == nil || multiple > worst!.value { worst = IndicatorReading(period: t, value: multiple, entity: seller.id) }
            }
            return worst
        }
    }

    /// Clouds and chipmakers: the firms that book others' capex as their revenue and backlog.
    static func isSeller(_ sector: Sector) -> Bool {
        sector == .hyperscaler || sector == .neocloud || sector == .chipmaker
    }
}
