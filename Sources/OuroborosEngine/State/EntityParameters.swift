/// Per-entity behaviour parameters, resolved once into flat arrays indexed by dense entity id.
///
/// Each array holds the value for every entity; entities whose sector does not read a parameter
/// hold its fallback. Rates and growth are per year; `…Months` are months.
struct EntityParameters: Sendable {
    // End users and the subsidy chain (M6)
    var payingUsers: [Double] = [], userGrowth: [Double] = [], arpu: [Double] = []
    var enterpriseRevenue: [Double] = [], enterpriseGrowth: [Double] = []
    var opex: [Double] = [], opexGrowth: [Double] = [], apiCostRatio: [Double] = []
    var runwayTriggerMonths: [Double] = [], roundMonths: [Double] = [], roundElasticity: [Double] = []
    var failSentiment: [Double] = [], roundRetryMonths: [Double] = [], defaultPaymentShare: [Double] = []
    var valuationRevenueMultiple: [Double] = []
    var minRevenueMultiple: [Double] = [], maxRevenueMultiple: [Double] = [], valuationSentimentExponent: [Double] = []
    var multipleHalfLifeMonths: [Double] = []
    // Clouds (M3, M4, M5)
    var legacyRevenue: [Double] = [], legacyMargin: [Double] = [], legacyGrowth: [Double] = []
    var aiMargin: [Double] = [], minCash: [Double] = [], capexPerGW: [Double] = [], chipShare: [Double] = []
    var bondCapacityMultiple: [Double] = [], bondSpread: [Double] = [], loanSpread: [Double] = []
    var creditSpread: [Double] = [], revenuePerGWYear: [Double] = [], depreciation: [Double] = []
    var bondMaturityYears: [Double] = [], loanMaturityYears: [Double] = [], creditMaturityYears: [Double] = []
    var deferLimitMonths: [Double] = []
    // Chipmakers (M5)
    var unitPrice: [Double] = [], unitsPerMonth: [Double] = [], unitsPerGW: [Double] = [], grossMargin: [Double] = []
    // Investors, funds and banks (M9, M10)
    var deployShare: [Double] = [], redemptionBeta: [Double] = [], dryPowder: [Double] = []
    var creditSentimentBeta: [Double] = [], bankCapital: [Double] = [], multiplierCapacity: [Double] = []
    var lpInflowShare: [Double] = [], lpSentimentBeta: [Double] = [], lpReturnBeta: [Double] = []
    var redemptionRate: [Double] = [], redemptionStressBeta: [Double] = [], redemptionGate: [Double] = []

    /// Resolves every parameter for every entity of `table`.
    init(table: EntityTable, resolver: ParameterResolver) {
        func read(_ name: String, _ fallback: Double = 0) -> [Double] {
            resolver.values(name, in: table, fallback: fallback)
        }
        payingUsers = read("paying_users")
        userGrowth = read("user_growth")
        arpu = read("arpu")
        enterpriseRevenue = read("enterprise_revenue")
        enterpriseGrowth = read("enterprise_growth")
        opex = read("opex")
        opexGrowth = read("opex_growth")
        apiCostRatio = read("api_cost_ratio", 1)
        runwayTriggerMonths = read("runway_trigger_months", 12)
        roundMonths = read("round_months", 18)
        roundElasticity = read("round_sentiment_elasticity", 2)
        failSentiment = read("fail_sentiment", 0.55)
        roundRetryMonths = read("round_retry_months", 3)
        defaultPaymentShare = read("default_payment_share", 0.5)
        valuationRevenueMultiple = read("valuation_revenue_multiple", 20)
        minRevenueMultiple = read("min_revenue_multiple", 2)
        maxRevenueMultiple = read("max_revenue_multiple", 60)
        valuationSentimentExponent = read("valuation_sentiment_exponent", 1)
        multipleHalfLifeMonths = read("multiple_half_life_months", 12)
        legacyRevenue = read("legacy_revenue")
        legacyMargin = read("legacy_margin", 0.3)
        legacyGrowth = read("legacy_growth")
        aiMargin = read("ai_margin", 0.3)
        minCash = read("min_cash")
        capexPerGW = read("capex_per_gw", 40e9)
        chipShare = read("chip_share_of_capex", 0.6)
        bondCapacityMultiple = read("bond_capacity_multiple", 2)
        bondSpread = read("bond_spread", 0.02)
        loanSpread = read("loan_spread", 0.02)
        creditSpread = read("private_credit_spread", 0.05)
        revenuePerGWYear = read("revenue_per_gw_year", 12e9)
        depreciation = read("depreciation_rate")
        bondMaturityYears = read("bond_maturity_years", 7)
        loanMaturityYears = read("loan_maturity_years", 5)
        creditMaturityYears = read("private_credit_maturity_years", 5)
        deferLimitMonths = read("capex_defer_limit_months", 3)
        unitPrice = read("unit_price", 35000)
        unitsPerMonth = read("units_per_month", 500_000)
        unitsPerGW = read("units_per_gw", 450_000)
        grossMargin = read("gross_margin", 0.5)
        deployShare = read("deploy_share")
        redemptionBeta = read("redemption_beta")
        dryPowder = read("dry_powder")
        creditSentimentBeta = read("capacity_sentiment_beta", 1)
        bankCapital = read("capital")
        multiplierCapacity = read("multiplier_capacity")
        lpInflowShare = read("lp_inflow_share")
        lpSentimentBeta = read("lp_sentiment_beta", 1)
        lpReturnBeta = read("lp_return_beta", 1)
        redemptionRate = read("redemption_rate")
        redemptionStressBeta = read("redemption_stress_beta")
        redemptionGate = read("redemption_gate", 0.2)
    }
}
