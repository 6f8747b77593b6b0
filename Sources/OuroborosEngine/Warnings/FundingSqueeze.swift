public import OuroborosCore

extension EarlyWarnings {
    /// `funding_squeeze` in each period with a year and a quarter of history (see
    /// `EarlyWarningIndicator.fundingSqueeze`): 1 − multiple(t) / multiple(t − 1 year), where the
    /// multiple is the clouds' summed market value over their trailing-quarter revenue annualised,
    /// when the clouds' and labs' trailing-quarter capex exceeds that of a year before; else 0.
    static func fundingSqueeze(_ run: NetworkRunResult, window: ReportingWindow) -> [IndicatorReading] {
        let clouds = run.entities.filter { $0.sector == .hyperscaler || $0.sector == .neocloud }
        let builders = run.entities.filter { $0.sector == .hyperscaler || $0.sector == .neocloud || $0.sector == .modelLab }
        guard !clouds.isEmpty else { return [] }
        let last = run.periodLabels.count - 1
        func capex(endingAt t: Int) -> Double {
            builders.reduce(0) { $0 + window.trailing($1.capex, endingAt: t, length: window.quarter).sum }
        }
        func multiple(at t: Int) -> Double? {
            let value = clouds.reduce(0) { $0 + $1.marketValue[t] }
            let quarterRevenue = clouds.reduce(0) { $0 + window.trailing($1.revenue, endingAt: t, length: window.quarter).sum }
            let runRate = quarterRevenue * Double(window.year) / Double(window.quarter)
            return runRate > 0 ? value / runRate : nil
        }
        let first = window.year + window.quarter
        guard first <= last else { return [] }
        return (first...last).compactMap { t in
            guard let now = multiple(at: t), let before = multiple(at: t - window.year), before > 0 else { return nil }
            let expanding = capex(endingAt: t) > capex(endingAt: t - window.year)
            return IndicatorReading(period: t, value: expanding ? 1 - now / before : 0, entity: "clouds")
        }
    }
}
