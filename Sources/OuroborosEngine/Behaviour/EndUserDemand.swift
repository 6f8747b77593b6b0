internal import OuroborosCore

/// Step 2, the subsidy chain's bottom layer (M6): households pay labs for subscriptions and
/// enterprise API use, wrappers for their apps, clouds for legacy services and chipmakers for
/// their other products. Users and spend grow at their yearly rates; a demand shock scales AI spend.
extension Simulator {
    /// Years since the start at period `t` (0 in period 1).
    var yearsElapsed: Double { Double(t - 1) * dt }

    /// The end-user demand multiplier (1 with M6 off: demand shocks are ignored).
    var demandFactor: Double { on.subsidy ? layout.shocks.demandFactor[t] : 1 }

    /// `base × (1 + growth)^years` with M6 on, `base` with it off.
    @inline(__always) func grown(_ base: Double, _ growth: Double) -> Double {
        on.subsidy ? base * Math.pow(max(0, 1 + growth), yearsElapsed) : base
    }

    /// Households pay every firm that sells to end users.
    mutating func payEndUserDemand() throws(EngineError) {
        let households = table.households
        let demand = demandFactor
        for lab in table.labs where alive(lab) {
            let consumer = grown(p.payingUsers[lab], p.userGrowth[lab]) * p.arpu[lab] * dt * demand
            let enterprise = grown(p.enterpriseRevenue[lab], p.enterpriseGrowth[lab]) * dt * demand
            try books.pay(.subscriptions, from: households, to: lab, amount: consumer)
            try books.pay(.enterpriseAI, from: households, to: lab, amount: enterprise)
        }
        for wrapper in table.wrappers where alive(wrapper) {
            let revenue = grown(p.payingUsers[wrapper], p.userGrowth[wrapper]) * p.arpu[wrapper] * dt * demand
            try books.pay(.subscriptions, from: households, to: wrapper, amount: revenue)
        }
        for cloud in table.clouds where alive(cloud) {
            try books.pay(.cloudServices, from: households, to: cloud, amount: legacyRevenue(cloud))
        }
        for chipmaker in table.chipmakers where alive(chipmaker) {
            try books.pay(.otherRevenue, from: households, to: chipmaker, amount: legacyRevenue(chipmaker))
        }
    }

    /// Legacy (non-AI) revenue of `e` this period; it grows but does not take the AI demand shock.
    @inline(__always) func legacyRevenue(_ e: Int) -> Double {
        p.legacyRevenue[e] * Math.pow(max(0, 1 + p.legacyGrowth[e]), yearsElapsed) * dt
    }
}
