public import OuroborosCore

extension EarlyWarnings {
    /// `vendor_financed_revenue` in each period: for every seller, the round-trip part of its revenue
    /// (its own money, invested or lent, come back: M2) over all its traced revenue, both summed over
    /// the trailing year; the highest. Empty without per-period origins (funds tracing off, or a run
    /// without detail).
    static func vendorFinancedRevenue(_ run: NetworkRunResult, detail: RunDetail?, window: ReportingWindow) -> [IndicatorReading] {
        guard let detail, let origins = detail.revenueByOrigin else { return [] }
        let column = Dictionary(detail.participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let sellers = run.entities.filter { EarlyWarnings.isSeller($0.sector) }.compactMap { e in column[e.id].map { (e.id, $0) } }
        let last = min(run.periodLabels.count, origins.count) - 1
        guard last >= 1 else { return [] }
        return (1...last).compactMap { t in
            var worst: IndicatorReading?
            for (id, c) in sellers {
                let first = max(1, t - window.year + 1)
                var roundTrip = 0.0
                var total = 0.0
                for s in first...t {
                    roundTrip += origins[s][c].roundTrip
                    total += origins[s][c].total
                }
                guard total > 0 else { continue }
                let share = roundTrip / total
                if worst == nil || share > worst!.value { worst = IndicatorReading(period: t, value: share, entity: id) }
            }
            return worst
        }
    }
}
