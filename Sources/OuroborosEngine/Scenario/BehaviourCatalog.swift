/// One behaviour parameter: its name, default and meaning (the documented defaults of docs/model.md).
public struct BehaviourParameter: Sendable, Hashable {
    /// The group it belongs to: a sector id (`model_lab`) or `market`.
    public var group: String
    /// The parameter's name, e.g. `runway_trigger_months`.
    public var name: String
    /// The default value (USD for amounts, fractions for rates and shares, per year unless named).
    public var defaultValue: Double
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
        p("model_lab", "paying_users", 0, "paying consumer subscribers at the start"),
        p("model_lab", "user_growth", 0.6, "growth of paying users per year"),
        p("model_lab", "arpu", 240, "revenue per paying user per year, USD ($20/month)"),
        p("model_lab", "enterprise_revenue", 0, "enterprise API revenue per year at the start, USD"),
        p("model_lab", "enterprise_growth", 0.8, "growth of enterprise API spend per year"),
        p("model_lab", "opex", 0, "staff and other operating costs per year at the start, USD"),
        p("model_lab", "opex_growth", 0.3, "growth of operating costs per year"),
        p("model_lab", "runway_trigger_months", 12, "a lab raises a round when cash covers fewer months of burn"),
        p("model_lab", "round_months", 18, "a round raises this many months of burn"),
        p("model_lab", "round_sentiment_elasticity", 2, "round size scales with sentiment to this power"),
        p("model_lab", "fail_sentiment", 0.55, "rounds fail when sentiment is below this"),
        p("model_lab", "round_retry_months", 3, "months a lab waits after a failed round before trying again"),
        p("model_lab", "default_payment_share", 0.5, "a lab that can pay less than this share of its bills in a period defaults"),
        p("model_lab", "valuation_revenue_multiple", 25, "post-money valuation per dollar of annual revenue when no valuation is given"),
        p("model_lab", "min_cash", 0, "cash a lab keeps back from investments it makes in others, USD"),
        p("wrapper_startup", "paying_users", 0, "paying users at the start"),
        p("wrapper_startup", "user_growth", 0.5, "growth of paying users per year"),
        p("wrapper_startup", "arpu", 120, "revenue per paying user per year, USD"),
        p("wrapper_startup", "api_cost_ratio", 1.3, "API spend paid to labs per dollar of revenue (above 1: negative margin)"),
        p("wrapper_startup", "opex", 0, "operating costs per year, USD"),
        p("wrapper_startup", "opex_growth", 0.2, "growth of operating costs per year"),
        p("wrapper_startup", "runway_trigger_months", 9, "raises a round below this runway"),
        p("wrapper_startup", "round_months", 18, "a round raises this many months of burn"),
        p("wrapper_startup", "round_sentiment_elasticity", 2.5, "round size elasticity to sentiment"),
        p("wrapper_startup", "fail_sentiment", 0.7, "rounds fail below this sentiment"),
        p("wrapper_startup", "round_retry_months", 3, "months a wrapper waits after a failed round before trying again"),
        p("wrapper_startup", "default_payment_share", 0.5, "a wrapper that can pay less than this share of its bills defaults"),
        p("wrapper_startup", "valuation_revenue_multiple", 10, "post-money valuation per dollar of annual revenue when none is given"),
        // Clouds (M3, M4, M5)
        p("hyperscaler", "legacy_revenue", 0, "non-AI revenue per year from end users, USD"),
        p("hyperscaler", "legacy_margin", 0.35, "operating cash margin on legacy revenue"),
        p("hyperscaler", "legacy_growth", 0.08, "growth of legacy revenue per year"),
        p("hyperscaler", "ai_margin", 0.35, "operating margin on delivered AI compute (the rest pays power and staff)"),
        p("hyperscaler", "min_cash", 0, "cash buffer kept before borrowing, USD"),
        p("hyperscaler", "capex_per_gw", 40e9, "capital cost of one GW of AI data centre incl. accelerators, USD"),
        p("hyperscaler", "chip_share_of_capex", 0.6, "share of capex paid to chipmakers"),
        p("hyperscaler", "bond_capacity_multiple", 3, "bonds outstanding at most this multiple of annual operating cash flow"),
        p("hyperscaler", "bond_spread", 0.01, "bond spread over the policy rate"),
        p("hyperscaler", "loan_spread", 0.015, "bank-loan spread over the policy rate"),
        p("hyperscaler", "private_credit_spread", 0.03, "private-credit spread over the policy rate"),
        p(
            "hyperscaler", "revenue_per_gw_year", 12e9,
            "compute revenue one energised GW earns per year, USD (sizes contracts without gw and backstops)"),
        p("hyperscaler", "depreciation_rate", 0.15, "yearly depreciation of tangible capital (a revaluation, no cash)"),
        p("hyperscaler", "bond_maturity_years", 10, "maturity of bonds issued down the funding hierarchy, years"),
        p("hyperscaler", "loan_maturity_years", 5, "maturity of bank loans drawn down the funding hierarchy, years"),
        p("hyperscaler", "private_credit_maturity_years", 6, "maturity of private credit drawn down the funding hierarchy, years"),
        p("hyperscaler", "capex_defer_limit_months", 6, "chip deliveries deferred longer than this for want of funds are cancelled"),
        p("neocloud", "legacy_revenue", 0, "non-AI revenue per year, USD"),
        p("neocloud", "legacy_margin", 0.2, "operating cash margin on legacy revenue"),
        p("neocloud", "legacy_growth", 0, "growth of legacy revenue per year"),
        p("neocloud", "ai_margin", 0.25, "operating margin on delivered AI compute"),
        p("neocloud", "min_cash", 0, "cash buffer, USD"),
        p("neocloud", "capex_per_gw", 40e9, "capital cost of one GW, USD"),
        p("neocloud", "chip_share_of_capex", 0.65, "share of capex paid to chipmakers"),
        p("neocloud", "bond_capacity_multiple", 2, "bonds at most this multiple of annual operating cash flow"),
        p("neocloud", "bond_spread", 0.05, "bond spread"),
        p("neocloud", "loan_spread", 0.05, "bank-loan spread"),
        p("neocloud", "private_credit_spread", 0.07, "private-credit spread"),
        p("neocloud", "revenue_per_gw_year", 12e9, "compute revenue per energised GW per year, USD"),
        p("neocloud", "depreciation_rate", 0.2, "yearly depreciation of tangible capital"),
        p("neocloud", "bond_maturity_years", 5, "maturity of bonds issued, years"),
        p("neocloud", "loan_maturity_years", 3, "maturity of bank loans drawn, years"),
        p("neocloud", "private_credit_maturity_years", 5, "maturity of private credit drawn, years"),
        p("neocloud", "capex_defer_limit_months", 3, "deferred chip deliveries are cancelled after this many months"),
        // Chipmakers (M5, M6)
        p("chipmaker", "unit_price", 35000, "price of one accelerator, USD"),
        p("chipmaker", "units_per_month", 500_000, "production capacity, accelerators per month"),
        p("chipmaker", "units_per_gw", 450_000, "accelerators per GW of data centre"),
        p("chipmaker", "gross_margin", 0.7, "gross margin; the rest is paid to suppliers"),
        p("chipmaker", "legacy_revenue", 0, "other revenue per year, USD"),
        p("chipmaker", "legacy_growth", 0.1, "growth of other revenue per year"),
        p("chipmaker", "min_cash", 0, "cash kept back from vendor investments and backstops, USD"),
        // Investors (M10)
        p("venture_fund", "min_cash", 0, "cash kept back, USD"),
        p("venture_fund", "deploy_share", 0.1, "share of cash it will put into new rounds per period"),
        p("sovereign_investor", "min_cash", 0, "cash kept back, USD"),
        p("sovereign_investor", "deploy_share", 0.05, "share of cash it will put into new rounds per period"),
        p("hedge_fund", "redemption_beta", 0.5, "redemptions as a share of assets per unit of negative return"),
        p("hedge_fund", "min_cash", 0, "cash kept back, USD"),
        p("insider", "margin_call_ltv", 0.5, "loan-to-value of a share pledge at which the bank calls margin (when the deal does not say)"),
        p("insider", "target_ltv", 0.3, "loan-to-value a margin call restores (when the deal does not say)"),
        p("insider", "loan_spread", 0.02, "spread of share-pledge loans over the policy rate (when the deal does not say)"),
        p("private_credit", "dry_powder", 0, "capital available to lend, USD"),
        p("private_credit", "capacity_sentiment_beta", 1, "new lending capacity scales with sentiment to this power"),
        // Banks and power (M9, M5)
        p("bank", "capital", 0, "bank equity capital, USD; 0: capital ratio × max(1.5 × opening loans, $100B)"),
        p("bank", "multiplier_capacity", 0, "lending capacity at liquidity 1 beyond opening loans, USD; 0: only the capital bound applies"),
        p("power_grid", "available_gw", 0, "grid power available to data centres at the start, GW"),
        p("power_grid", "additions_gw_per_year", 10, "new interconnection capacity per year, GW"),
        p("power_grid", "queue_months", 36, "months from a request to energisation"),
        p("power_grid", "price_per_mwh", 70, "price of power, USD per MWh"),
        // Markets and sentiment (M1, M7, M8, M11)
        p("market", "risk_premium", 0.05, "equity risk premium over the policy rate"),
        p("market", "premium_liquidity_beta", 0.04, "premium added per unit fall of the liquidity index"),
        p("market", "free_liquidity", 3e12, "free liquidity at index 1, USD (liquidity shocks are divided by it)"),
        p("market", "capital_competition", 0.02, "premium added per unit of AI funding need over free liquidity (M9)"),
        p("market", "sentiment_reversion", 0.05, "monthly pull of sentiment back to 1"),
        p("market", "sentiment_momentum", 0.5, "sentiment response to the AI equity index's return"),
        p("market", "sentiment_default_hit", 0.15, "sentiment lost per default"),
        p("market", "sentiment_noise", 0.01, "monthly standard deviation of sentiment noise"),
        p("market", "narrative_decay", 0.04, "monthly decay of the announcement narrative"),
        p("market", "impact_recovery", 0.1, "monthly recovery of forced-sale price impact"),
        p("market", "backlog_weight", 0.5, "weight of backlog (compute RPO, chip order book) in a listed firm's expected value"),
        p("market", "sentiment_exponent", 1, "elasticity of listed prices to sentiment (s in S^s)"),
        p("market", "liquidity_price_elasticity", 0.5, "prices move with liquidity^(liquidity_beta × this): crypto, with the highest beta, most"),
        p("market", "default_price_share", 0.02, "a defaulted issuer's shares trade at this share of the opening price"),
        p("market", "sentiment_floor", 0.05, "sentiment never falls below this"),
        p(
            "market", "bond_investor_cash", 5e12,
            "cash of the bond investors who buy bonds issued down the funding hierarchy, USD (used when no entity has id bond_investors or it has no cash)"
        ),
        p("market", "household_cash", 2e13, "deposits of households (end users) when the scenario does not give them, USD"),
        p("market", "opening_debt_years", 5, "opening debt matures in equal yearly slices over this many years (the refinancing wall)"),
    ]

    private static func p(_ group: String, _ name: String, _ value: Double, _ meaning: String) -> BehaviourParameter {
        BehaviourParameter(group: group, name: name, defaultValue: value, meaning: meaning)
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
