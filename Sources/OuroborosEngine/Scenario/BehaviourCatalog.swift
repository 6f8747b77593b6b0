/// One behaviour parameter: its name, default, domain and meaning (the documented defaults of docs/model.md).
public struct BehaviourParameter: Sendable, Hashable {
    /// The group it belongs to: a sector id (`model_lab`) or `market`.
    public var group: String
    /// The parameter's name, e.g. `runway_trigger_months`.
    public var name: String
    /// The default value (USD for amounts, fractions for rates and shares, per year unless named).
    public var defaultValue: Double
    /// The values it may take, checked at load (`docs/model.md`, "Behaviour parameters").
    public var domain: ParameterDomain
    /// What it means, with its unit.
    public var meaning: String
}

/// Every behaviour parameter the engine reads, with documented defaults.
///
/// A scenario's `behaviour:` section and an entity's `params:` may set only these names; the
/// loader fills in the defaults so that the engine finds every value it needs.
public enum BehaviourCatalog {
    /// The catalogue, grouped by sector.
    public static let parameters: [BehaviourParameter] = [
        // End users and demand (M6)
        p("model_lab", "paying_users", 0, .nonNegative, "paying consumer subscribers at the start"),
        p("model_lab", "user_growth", 0.6, .growth, "growth of paying users per year"),
        p("model_lab", "arpu", 240, .nonNegative, "revenue per paying user per year, USD ($20/month)"),
        p("model_lab", "enterprise_revenue", 0, .nonNegative, "enterprise API revenue per year at the start, USD"),
        p("model_lab", "enterprise_growth", 0.8, .growth, "growth of enterprise API spend per year"),
        p("model_lab", "opex", 0, .nonNegative, "staff and other operating costs per year at the start, USD"),
        p("model_lab", "opex_growth", 0.3, .growth, "growth of operating costs per year"),
        p("model_lab", "runway_trigger_months", 12, .nonNegative, "a lab raises a round when cash covers fewer months of burn"),
        p("model_lab", "round_months", 18, .nonNegative, "a round raises this many months of burn"),
        p("model_lab", "round_sentiment_elasticity", 2, .anyReal, "round size scales with sentiment to this power"),
        p("model_lab", "fail_sentiment", 0.55, .nonNegative, "rounds fail when sentiment is below this"),
        p("model_lab", "round_retry_months", 3, .nonNegative, "months a lab waits after a failed round before trying again"),
        p("model_lab", "default_payment_share", 0.5, .fraction, "a lab that can pay less than this share of its bills in a period defaults"),
        p("model_lab", "valuation_revenue_multiple", 25, .positive, "post-money valuation per dollar of annual revenue when no valuation is given"),
        p("model_lab", "min_revenue_multiple", 4, .positive, "the private mark is at least this multiple of annual revenue (M7)"),
        p("model_lab", "max_revenue_multiple", 60, .positive, "the private mark is at most this multiple of annual revenue (M7)"),
        p(
            "model_lab", "valuation_sentiment_exponent", 1, .nonNegative,
            "the revenue multiple of the last round moves with sentiment since then to this power (M7)"),
        p(
            "model_lab", "multiple_half_life_months", 12, .nonNegative,
            "the last round's revenue multiple reverts toward valuation_revenue_multiple with this half-life, months (0: never) (M7)"),
        p("model_lab", "min_cash", 0, .nonNegative, "cash a lab keeps back from investments it makes in others, USD"),
        p("wrapper_startup", "paying_users", 0, .nonNegative, "paying users at the start"),
        p("wrapper_startup", "user_growth", 0.5, .growth, "growth of paying users per year"),
        p("wrapper_startup", "arpu", 120, .nonNegative, "revenue per paying user per year, USD"),
        p("wrapper_startup", "api_cost_ratio", 1.3, .nonNegative, "API spend paid to labs per dollar of revenue (above 1: negative margin)"),
        p("wrapper_startup", "opex", 0, .nonNegative, "operating costs per year, USD"),
        p("wrapper_startup", "opex_growth", 0.2, .growth, "growth of operating costs per year"),
        p("wrapper_startup", "runway_trigger_months", 9, .nonNegative, "raises a round below this runway"),
        p("wrapper_startup", "round_months", 18, .nonNegative, "a round raises this many months of burn"),
        p("wrapper_startup", "round_sentiment_elasticity", 2.5, .anyReal, "round size elasticity to sentiment"),
        p("wrapper_startup", "fail_sentiment", 0.7, .nonNegative, "rounds fail below this sentiment"),
        p("wrapper_startup", "round_retry_months", 3, .nonNegative, "months a wrapper waits after a failed round before trying again"),
        p("wrapper_startup", "default_payment_share", 0.5, .fraction, "a wrapper that can pay less than this share of its bills defaults"),
        p("wrapper_startup", "valuation_revenue_multiple", 10, .positive, "post-money valuation per dollar of annual revenue when none is given"),
        p("wrapper_startup", "min_revenue_multiple", 2, .positive, "the private mark is at least this multiple of annual revenue (M7)"),
        p("wrapper_startup", "max_revenue_multiple", 40, .positive, "the private mark is at most this multiple of annual revenue (M7)"),
        p(
            "wrapper_startup", "valuation_sentiment_exponent", 1, .nonNegative,
            "the revenue multiple of the last round moves with sentiment since then to this power (M7)"),
        p(
            "wrapper_startup", "multiple_half_life_months", 12, .nonNegative,
            "the last round's revenue multiple reverts toward valuation_revenue_multiple with this half-life, months (0: never) (M7)"),
        // Clouds (M3, M4, M5)
        p("hyperscaler", "legacy_revenue", 0, .nonNegative, "non-AI revenue per year from end users, USD"),
        p("hyperscaler", "legacy_margin", 0.35, .margin, "operating cash margin on legacy revenue"),
        p("hyperscaler", "legacy_growth", 0.08, .growth, "growth of legacy revenue per year"),
        p("hyperscaler", "ai_margin", 0.35, .margin, "operating margin on delivered AI compute (the rest pays power and staff)"),
        p("hyperscaler", "min_cash", 0, .nonNegative, "cash buffer kept before borrowing, USD"),
        p("hyperscaler", "capex_per_gw", 40e9, .positive, "capital cost of one GW of AI data centre incl. accelerators, USD"),
        p("hyperscaler", "chip_share_of_capex", 0.6, .fraction, "share of capex paid to chipmakers"),
        p("hyperscaler", "bond_capacity_multiple", 3, .nonNegative, "bonds outstanding at most this multiple of annual operating cash flow"),
        p("hyperscaler", "bond_spread", 0.01, .nonNegative, "bond spread over the policy rate"),
        p("hyperscaler", "loan_spread", 0.015, .nonNegative, "bank-loan spread over the policy rate"),
        p("hyperscaler", "private_credit_spread", 0.03, .nonNegative, "private-credit spread over the policy rate"),
        p(
            "hyperscaler", "revenue_per_gw_year", 12e9, .nonNegative,
            "compute revenue one energised GW earns per year, USD (sizes contracts without gw and backstops)"),
        p("hyperscaler", "depreciation_rate", 0.15, .fraction, "yearly depreciation of tangible capital (a revaluation, no cash)"),
        p("hyperscaler", "bond_maturity_years", 10, .positive, "maturity of bonds issued down the funding hierarchy, years"),
        p("hyperscaler", "loan_maturity_years", 5, .positive, "maturity of bank loans drawn down the funding hierarchy, years"),
        p("hyperscaler", "private_credit_maturity_years", 6, .positive, "maturity of private credit drawn down the funding hierarchy, years"),
        p("hyperscaler", "capex_defer_limit_months", 6, .nonNegative, "chip deliveries deferred longer than this for want of funds are cancelled"),
        p("neocloud", "legacy_revenue", 0, .nonNegative, "non-AI revenue per year, USD"),
        p("neocloud", "legacy_margin", 0.2, .margin, "operating cash margin on legacy revenue"),
        p("neocloud", "legacy_growth", 0, .growth, "growth of legacy revenue per year"),
        p("neocloud", "ai_margin", 0.25, .margin, "operating margin on delivered AI compute"),
        p("neocloud", "min_cash", 0, .nonNegative, "cash buffer, USD"),
        p("neocloud", "capex_per_gw", 40e9, .positive, "capital cost of one GW, USD"),
        p("neocloud", "chip_share_of_capex", 0.65, .fraction, "share of capex paid to chipmakers"),
        p("neocloud", "bond_capacity_multiple", 2, .nonNegative, "bonds at most this multiple of annual operating cash flow"),
        p("neocloud", "bond_spread", 0.05, .nonNegative, "bond spread"),
        p("neocloud", "loan_spread", 0.05, .nonNegative, "bank-loan spread"),
        p("neocloud", "private_credit_spread", 0.07, .nonNegative, "private-credit spread"),
        p("neocloud", "revenue_per_gw_year", 12e9, .nonNegative, "compute revenue per energised GW per year, USD"),
        p("neocloud", "depreciation_rate", 0.2, .fraction, "yearly depreciation of tangible capital"),
        p("neocloud", "bond_maturity_years", 5, .positive, "maturity of bonds issued, years"),
        p("neocloud", "loan_maturity_years", 3, .positive, "maturity of bank loans drawn, years"),
        p("neocloud", "private_credit_maturity_years", 5, .positive, "maturity of private credit drawn, years"),
        p("neocloud", "capex_defer_limit_months", 3, .nonNegative, "deferred chip deliveries are cancelled after this many months"),
        // Chipmakers (M5, M6)
        p("chipmaker", "unit_price", 35000, .positive, "price of one accelerator, USD"),
        p("chipmaker", "units_per_month", 500_000, .nonNegative, "production capacity, accelerators per month"),
        p("chipmaker", "units_per_gw", 450_000, .positive, "accelerators per GW of data centre"),
        p("chipmaker", "gross_margin", 0.7, .margin, "gross margin; the rest is paid to suppliers"),
        p("chipmaker", "legacy_revenue", 0, .nonNegative, "other revenue per year, USD"),
        p("chipmaker", "legacy_growth", 0.1, .growth, "growth of other revenue per year"),
        p("chipmaker", "min_cash", 0, .nonNegative, "cash kept back from vendor investments and backstops, USD"),
        // Investors (M10)
        p("venture_fund", "min_cash", 0, .nonNegative, "cash kept back, USD"),
        p("venture_fund", "deploy_share", 0.1, .fraction, "share of cash it will put into new rounds per period"),
        p(
            "venture_fund", "lp_inflow_share", 0.2, .nonNegative,
            "new LP commitments per year as a share of the opening net asset value, at sentiment 1"),
        p("venture_fund", "lp_sentiment_beta", 1, .anyReal, "LP commitments scale with sentiment to this power"),
        p("venture_fund", "lp_return_beta", 1, .nonNegative, "LP commitments scale with 1 + this × the fund's annualised return"),
        p("sovereign_investor", "min_cash", 0, .nonNegative, "cash kept back, USD"),
        p("sovereign_investor", "deploy_share", 0.05, .fraction, "share of cash it will put into new rounds per period"),
        p("hedge_fund", "redemption_beta", 0.5, .nonNegative, "redemptions as a share of assets per unit of negative return"),
        p("hedge_fund", "min_cash", 0, .nonNegative, "cash kept back, USD"),
        p(
            "insider", "margin_call_ltv", 0.5, .positive,
            "loan-to-value of a share pledge at which the bank calls margin (when the deal does not say)"),
        p("insider", "target_ltv", 0.3, .positive, "loan-to-value a margin call restores (when the deal does not say)"),
        p("insider", "loan_spread", 0.02, .nonNegative, "spread of share-pledge loans over the policy rate (when the deal does not say)"),
        p("private_credit", "dry_powder", 0, .nonNegative, "capital available to lend, USD"),
        p("private_credit", "capacity_sentiment_beta", 1, .anyReal, "new lending capacity scales with sentiment to this power"),
        p("private_credit", "redemption_rate", 0.08, .nonNegative, "redemption requests per year as a share of net asset value in calm markets"),
        p(
            "private_credit", "redemption_stress_beta", 0.6, .nonNegative,
            "extra redemption requests per year, as a share of NAV, per unit of sentiment below 1"),
        p(
            "private_credit", "redemption_gate", 0.2, .nonNegative,
            "redemptions paid at most this share of NAV a year (5% a quarter); the rest is queued"),
        // Banks and power (M9, M5)
        p("bank", "capital", 0, .nonNegative, "bank equity capital, USD; 0: capital ratio × max(1.5 × opening loans, $100B)"),
        p(
            "bank", "multiplier_capacity", 0, .nonNegative,
            "lending capacity at liquidity 1 beyond opening loans, USD; 0: only the capital bound applies"),
        p("power_grid", "available_gw", 0, .nonNegative, "grid power available to data centres at the start, GW"),
        p("power_grid", "additions_gw_per_year", 10, .nonNegative, "new interconnection capacity per year, GW"),
        p("power_grid", "queue_months", 36, .nonNegative, "months from a request to energisation"),
        p("power_grid", "price_per_mwh", 70, .nonNegative, "price of power, USD per MWh"),
        // Markets and sentiment (M1, M7, M8, M11)
        p("market", "risk_premium", 0.05, .nonNegative, "equity risk premium over the policy rate"),
        p("market", "premium_liquidity_beta", 0.04, .nonNegative, "premium added per unit fall of the liquidity index"),
        p("market", "free_liquidity", 3e12, .positive, "free liquidity at index 1, USD (liquidity shocks are divided by it)"),
        p("market", "capital_competition", 0.02, .nonNegative, "premium added per unit of AI funding need over free liquidity (M9)"),
        p("market", "sentiment_reversion", 0.05, .fraction, "monthly pull of sentiment back to 1"),
        p("market", "sentiment_momentum", 0.5, .anyReal, "sentiment response to the AI equity index's return"),
        p("market", "sentiment_default_hit", 0.15, .nonNegative, "sentiment lost per default"),
        p("market", "sentiment_noise", 0.01, .nonNegative, "monthly standard deviation of sentiment noise"),
        p("market", "narrative_decay", 0.04, .fraction, "monthly decay of the announcement narrative"),
        p("market", "impact_recovery", 0.1, .fraction, "monthly recovery of forced-sale price impact"),
        p("market", "backlog_weight", 0.5, .fraction, "weight of backlog (compute RPO, chip order book) in a listed firm's expected value"),
        p("market", "sentiment_exponent", 1, .anyReal, "elasticity of listed prices to sentiment (s in S^s)"),
        p(
            "market", "liquidity_price_elasticity", 0.5, .anyReal,
            "prices move with liquidity^(liquidity_beta × this): crypto, with the highest beta, most"),
        p("market", "default_price_share", 0.02, .fraction, "a defaulted issuer's shares trade at this share of the opening price"),
        p("market", "sentiment_floor", 0.05, .positiveFraction, "sentiment never falls below this"),
        p(
            "market", "bond_investor_cash", 5e12, .nonNegative,
            "cash of the bond investors who buy bonds issued down the funding hierarchy, USD (used when no entity has id bond_investors or it has no cash)"
        ),
        p("market", "household_cash", 2e13, .nonNegative, "deposits of households (end users) when the scenario does not give them, USD"),
        p("market", "opening_debt_years", 5, .atLeast(1), "opening debt matures in equal yearly slices over this many years (the refinancing wall)"),
        // Credit pricing and limits (M4), strain and DebtRank (M11)
        p("market", "credit_leverage_free", 4, .nonNegative, "debt / annual operating cash flow up to which leverage adds no spread"),
        p("market", "credit_leverage_slope", 0.0025, .nonNegative, "spread added per turn of debt / operating cash flow above credit_leverage_free"),
        p("market", "credit_leverage_cap", 20, .positive, "leverage counted at most (and when operating cash flow is not positive)"),
        p(
            "market", "credit_coverage_reference", 3, .positive,
            "interest coverage (operating cash flow / interest) from which coverage adds no spread"),
        p("market", "credit_coverage_slope", 0.02, .nonNegative, "spread added at zero coverage, falling linearly to 0 at credit_coverage_reference"),
        p("market", "credit_liquidity_beta", 0.03, .nonNegative, "spread added per unit fall of the liquidity index"),
        p("market", "credit_sentiment_beta", 0.02, .nonNegative, "spread added per unit of sentiment below 1"),
        p("market", "credit_strain_beta", 1, .nonNegative, "spread added per unit of the strain premium"),
        p("market", "credit_spread_max", 0.25, .nonNegative, "the add-on takes a floating spread at most to this (a higher base spread is kept)"),
        p(
            "market", "credit_limit_multiple", 6, .nonNegative,
            "banks and private credit lend until debt reaches this multiple of annual operating cash flow (at no add-on)"),
        p("market", "credit_limit_spread_sensitivity", 10, .nonNegative, "the limit's multiple is divided by 1 + this × the borrower's add-on"),
        p("market", "credit_backlog_advance", 0.7, .fraction, "share of its contracted backlog (RPO) lenders add to a borrower's credit limit"),
        p(
            "market", "credit_coverage_floor", 1, .nonNegative,
            "below this interest coverage banks and private credit lend only against contracted backlog"),
        p("market", "premium_default_hit", 0.0025, .nonNegative, "strain premium (risk premium and credit spreads) added per default"),
        p("market", "premium_strain_hit", 0.0005, .nonNegative, "strain premium added per cancellation or missed payment on a capital cycle"),
        p("market", "strain_decay", 0.1, .fraction, "monthly decay of the strain premium"),
        p("market", "sentiment_strain_hit", 0.01, .nonNegative, "sentiment lost per cancellation or missed payment on a capital cycle"),
        p(
            "market", "debtrank_price_share", 1, .fraction,
            "a listed firm's price falls by this share of its DebtRank distress after lenders' write-offs"),
    ]

    private static func p(
        _ group: String, _ name: String, _ value: Double, _ domain: ParameterDomain, _ meaning: String
    ) -> BehaviourParameter {
        BehaviourParameter(group: group, name: name, defaultValue: value, domain: domain, meaning: meaning)
    }

    /// The defaults as `[group: [name: value]]`.
    public static let defaults: [String: [String: Double]] = {
        var table: [String: [String: Double]] = [:]
        for parameter in parameters { table[parameter.group, default: [:]][parameter.name] = parameter.defaultValue }
        return table
    }()

    /// The parameter `name` of `group`, if it exists.
    public static func parameter(group: String, name: String) -> BehaviourParameter? {
        parameters.first { $0.group == group && $0.name == name }
    }

    /// The names known for `group`.
    public static func names(in group: String) -> [String] {
        parameters.filter { $0.group == group }.map(\.name)
    }
}
