/// The market-wide and macro parameters (`behaviour.market`, `behaviour.power_grid`), resolved once.
struct MarketParameters: Sendable {
    var riskPremium: Double, premiumLiquidityBeta: Double, freeLiquidity: Double, capitalCompetition: Double
    var sentimentReversion: Double, sentimentMomentum: Double, sentimentDefaultHit: Double, sentimentNoise: Double
    var narrativeDecay: Double, impactRecovery: Double, backlogWeight: Double
    var sentimentExponent: Double, liquidityPriceElasticity: Double, defaultPriceShare: Double
    var bondInvestorCash: Double, householdCash: Double, openingDebtYears: Double
    var sentimentFloor: Double
    /// Credit pricing and limits (M4): the `credit_*` parameters.
    var credit: CreditPricing
    /// The strain premium per default and per cancellation or missed payment on a capital cycle, its
    /// monthly decay, and sentiment lost per such cancellation or missed payment (M11).
    var premiumDefaultHit: Double, premiumStrainHit: Double, strainDecay: Double, sentimentStrainHit: Double
    /// Share of its DebtRank distress a listed firm's price loses (M11).
    var debtRankPriceShare: Double
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
        var credit = CreditPricing()
        credit.leverageFree = m("credit_leverage_free", credit.leverageFree)
        credit.leverageSlope = m("credit_leverage_slope", credit.leverageSlope)
        credit.leverageCap = m("credit_leverage_cap", credit.leverageCap)
        credit.coverageReference = m("credit_coverage_reference", credit.coverageReference)
        credit.coverageSlope = m("credit_coverage_slope", credit.coverageSlope)
        credit.liquidityBeta = m("credit_liquidity_beta", credit.liquidityBeta)
        credit.sentimentBeta = m("credit_sentiment_beta", credit.sentimentBeta)
        credit.strainBeta = m("credit_strain_beta", credit.strainBeta)
        credit.spreadMax = m("credit_spread_max", credit.spreadMax)
        credit.limitMultiple = m("credit_limit_multiple", credit.limitMultiple)
        credit.limitSpreadSensitivity = m("credit_limit_spread_sensitivity", credit.limitSpreadSensitivity)
        credit.backlogAdvance = m("credit_backlog_advance", credit.backlogAdvance)
        credit.coverageFloor = m("credit_coverage_floor", credit.coverageFloor)
        self.credit = credit
        premiumDefaultHit = m("premium_default_hit", 0.0025)
        premiumStrainHit = m("premium_strain_hit", 0.0005)
        strainDecay = m("strain_decay", 0.1)
        sentimentStrainHit = m("sentiment_strain_hit", 0.01)
        debtRankPriceShare = m("debtrank_price_share", 1)
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
