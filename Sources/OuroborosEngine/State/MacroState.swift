/// The macro block and market mood, carried across periods (M7, M8, M9, M11).
struct MacroState: Sendable {
    /// Policy rate, liquidity index (1 = opening), equity risk premium.
    var rate = 0.0, liquidityIndex = 1.0, premium = 0.0
    /// The discount rate k = r + premium now and at the opening.
    var discount = 0.0, openingDiscount = 0.0
    /// Market sentiment (1 = neutral).
    var sentiment = 1.0
    /// The AI equity index (1 at the opening) and its last period's return (sentiment's momentum).
    var aiIndex = 1.0, lastIndexReturn = 0.0
    /// External funding AI firms sought in the previous period (M9 capital competition).
    var fundingSoughtLastPeriod = 0.0
    /// Defaults since sentiment last moved: each hits it at the next update (M11). Cancellations and
    /// missed payments on the capital cycles are counted by the event log (`EventLog.strainSinceUpdate`).
    var defaultsSinceSentimentUpdate = 0
    /// What recent failures add to the risk premium and to every credit spread (M11): raised at each
    /// sentiment update by the failures since the last, decaying at `strain_decay` a month.
    var strainPremium = 0.0
}
