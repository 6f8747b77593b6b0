/// The shocks and step 1, the macro block: the policy rate, liquidity and the risk premium (M8),
/// capital competition (M9).
extension Simulator {
    /// Applies the shocks dated this period: events, forced defaults, sentiment and crypto hits.
    mutating func applyShocks() throws(EngineError) {
        let schedule = layout.shocks
        for shock in schedule.byPeriod[t] {
            let target = shock.target.flatMap(table.index(of:)) ?? table.households
            log.add(.shock, period: t, entity: target, amount: shock.size, cause: .shock(text: shock.text))
        }
        if schedule.sentimentHit[t] != 1 { macro.sentiment = max(mp.sentimentFloor, macro.sentiment * schedule.sentimentHit[t]) }
        if schedule.cryptoHit[t] != 1 {
            for m in 0..<markets.count where markets.kind[m] == .crypto { markets.shockFactor[m] *= schedule.cryptoHit[t] }
        }
        for forced in schedule.defaults where forced.period == t && alive(forced.entity) {
            try declareDefault(forced.entity, cause: .shock(entity: table.names[forced.entity]))
        }
    }

    /// r_t = path + rate shocks; L_t = path − liquidity shocks / free liquidity; premium = base +
    /// liquidity beta × max(0, 1 − L) + capital competition × max(0, need / (free liquidity × L × dt) − 1)
    /// + the strain premium that recent failures left (M11).
    ///
    /// The funding need is what AI firms sought last period (this period's is not known yet).
    mutating func updateMacro() {
        let schedule = layout.shocks
        if on.centralBank {
            macro.rate = layout.policyRate[t] + schedule.rateShift[t]
            macro.liquidityIndex = max(0.05, layout.liquidity[t] + schedule.liquidityShift[t] / mp.freeLiquidity)
        } else {
            macro.rate = layout.policyRate[0]
            macro.liquidityIndex = max(0.05, layout.liquidity[0])
        }
        var value = mp.riskPremium + mp.premiumLiquidityBeta * max(0, 1 - macro.liquidityIndex)
        if on.multiplier {
            let pressure = macro.fundingSoughtLastPeriod / (mp.freeLiquidity * macro.liquidityIndex * dt)
            value += mp.capitalCompetition * max(0, pressure - 1)
        }
        macro.premium = value + macro.strainPremium
        macro.discount = macro.rate + macro.premium
    }

    /// The discount rate at the opening (period 0).
    @inline(__always) func openingDiscountRate() -> Double {
        let liquidity = max(0.05, layout.liquidity[0])
        return layout.policyRate[0] + mp.riskPremium + mp.premiumLiquidityBeta * max(0, 1 - liquidity)
    }
}
