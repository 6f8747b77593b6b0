/// The market-wide and macro parameters (`behaviour.market`, `behaviour.power_grid`), resolved once.
struct MarketParameters: Sendable {
    var riskPremium: Double, premiumLiquidityBeta: Double, freeLiquidity: Double, capitalCompetition: Double
    var sentimentReversion: Double, sentimentMomentum: Double, sentimentDefaultHit: Double, sentimentNoise: Double
    var narrativeDecay: Double, impactRecovery: Double, backlogWeight: Double
    var sentimentExponent: Double, liquidityPriceElasticity: Double, defaultPriceShare: Double
    var bondInvestorCash: Double, householdCash: Double, openingDebtYears: Double
    var sentimentFloor: Double
    // Power (M5): from the first power-grid entity, else the `power_grid` group.
    var availableGW: Double, additionsGWPerYear: Double, queueMonths: Double, pricePerMWh: Double

    /// Reads the market group and the power grid's parameters.
    init(table: EntityTable, resolver: ParameterResolver) {
        func m(_ name: String, _ fallback: Double) -> Double { resolver.group("market", name, fallback: fallback) }
        riskPremium = m("risk_premium", 0.05)
        premiumLiquidityBeta = m("premium_liquidity_beta", 0.04)
        freeLiquidity = max(1, m("free_liquidity", 3e12))
        capitalCompetition = m("capital_competition", 0.02)
        sentimentReversion = m("sentiment_reversion", 0.05)
        sentimentMomentum = m("sentiment_momentum", 0.5)
        sentimentDefaultHit = m("sentiment_default_hit", 0.15)
        sentimentNoise = m("sentiment_noise", 0.01)
        narrativeDecay = m("narrative_decay", 0.04)
        impactRecovery = m("impact_recovery", 0.1)
        backlogWeight = m("backlog_weight", 0.5)
        sentimentExponent = m("sentiment_exponent", 1)
        liquidityPriceElasticity = m("liquidity_price_elasticity", 0.5)
        defaultPriceShare = m("default_price_share", 0.02)
        bondInvestorCash = m("bond_investor_cash", 5e12)
        householdCash = m("household_cash", 2e13)
        openingDebtYears = max(1, m("opening_debt_years", 5))
        sentimentFloor = m("sentiment_floor", 0.05)
        let grid = table.roles.firstIndex(of: .power)
        func p(_ name: String, _ fallback: Double) -> Double {
            grid.map { resolver.value(name, entity: $0, in: table, fallback: fallback) } ?? resolver.group("power_grid", name, fallback: fallback)
        }
        availableGW = p("available_gw", 0)
        additionsGWPerYear = p("additions_gw_per_year", 10)
        queueMonths = p("queue_months", 36)
        pricePerMWh = p("price_per_mwh", 70)
    }
}
