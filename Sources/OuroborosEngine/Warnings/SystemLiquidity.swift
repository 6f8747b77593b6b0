extension EarlyWarnings {
    /// `system_liquidity` in each period: the macro liquidity index (1 = the opening level).
    static func systemLiquidity(_ run: NetworkRunResult) -> [IndicatorReading] {
        let last = min(run.periodLabels.count, run.macro.liquidity.count) - 1
        guard last >= 1 else { return [] }
        return (1...last).map { IndicatorReading(period: $0, value: run.macro.liquidity[$0], entity: "system") }
    }
}
