/// The series a network run exports, in their exported order and under their exported names: the
/// one list that the run's CSV and JSON (OuroborosReport) and the run store's series
/// (OuroborosStore) all write.
extension EntityRun {
    /// `cash`, `revenue`, `debt`, `market_value`, `backlog`, `capacity_gw`, `credit_spread` (when recorded).
    public var exportedSeries: [(name: String, values: [Double])] {
        var series = [
            ("cash", cash), ("revenue", revenue), ("debt", debt),
            ("market_value", marketValue), ("backlog", backlog), ("capacity_gw", capacityGW),
        ]
        if !creditSpread.isEmpty { series.append(("credit_spread", creditSpread)) }
        return series
    }
}

extension MacroRun {
    /// `policy_rate`, `liquidity`, `sentiment`, `risk_premium` (the AI equity index is not exported).
    public var exportedSeries: [(name: String, values: [Double])] {
        [("policy_rate", policyRate), ("liquidity", liquidity), ("sentiment", sentiment), ("risk_premium", riskPremium)]
    }
}
