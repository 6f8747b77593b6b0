internal import OuroborosCore

/// Step 8, markets (M1, M7, M10, M11): narratives decay and take this period's announcements;
/// forced sales move the impact factor (depth shrinks with liquidity); prices follow expected value
/// discounted at r + premium with the market's duration, sentiment and liquidity; every holding is
/// revalued in the ledger; private marks follow revenue × a bounded multiple (`PrivateValuation`).
extension Simulator {
    /// Reprices every market and revalues every holding.
    mutating func updateMarkets() throws(EngineError) {
        let decay = Math.pow(max(0, 1 - mp.narrativeDecay), months)
        let recovery = 1 - Math.pow(max(0, 1 - mp.impactRecovery), months)
        var valueNow = 0.0
        var valueBefore = 0.0
        for m in 0..<markets.count {
            markets.narrative[m] = markets.narrative[m] * decay + (on.liquidityLoop ? markets.reflexivity[m] * markets.announced[m] : 0)
            markets.announced[m] = 0
            let depth = max(1, markets.depth[m] * Math.pow(macro.liquidityIndex, markets.liquidityBeta[m]))
            markets.impact[m] += recovery * (1 - markets.impact[m])
            markets.impact[m] *= Math.exp(-markets.sales[m] / depth)
            markets.salesAtRepricing[m] = markets.sales[m]
            markets.sales[m] = 0
            markets.previousPrice[m] = markets.price[m]
            markets.price[m] = price(m)
            if markets.kind[m] == .equity {
                valueNow += markets.units[m] * markets.price[m]
                valueBefore += markets.units[m] * markets.previousPrice[m]
            }
        }
        macro.lastIndexReturn = valueBefore > 0 ? valueNow / valueBefore - 1 : 0
        macro.aiIndex *= 1 + macro.lastIndexReturn
        for k in 0..<positions.count where positions.market[k] >= 0 {
            let m = positions.market[k]
            let target = positions.units[k] * markets.price[m]
            let change = target - positions.book[k]
            guard change != 0 else { continue }
            let crypto = markets.kind[m] == .crypto
            try books.revalue(
                holder: positions.holder[k], issuer: crypto ? nil : markets.ledgerIssuer[m],
                crypto ? books.chart.crypto : books.chart.equity, amount: change, variable: markets.priceLabel[m])
            positions.book[k] = target
        }
        for e in table.labsAndWrappers where alive(e) { firms.privateMark[e] = privateValuation(e, runRate: annualRevenue(e)) }
    }

    /// The price of market `m` now (see `MarketBook`).
    @inline(__always) func price(_ m: Int) -> Double {
        let open = markets.openingPrice[m] * markets.openingUnits[m] / max(markets.units[m], 1e-12)
        if markets.issuerDefaulted[m], on.contagion { return markets.openingPrice[m] * mp.defaultPriceShare }
        var ratio = 1.0
        if markets.kind[m] == .equity {
            let issuer = markets.issuer[m]
            let expected = markets.legacyValue[m] + mp.backlogWeight * firms.backlog[issuer] + markets.narrative[m] + markets.equityRaised[m]
            let base = max(markets.openingExpected[m], 1e-12)
            ratio = max(0.01, expected / base)
        }
        if on.valuation {
            ratio *= Math.exp(-markets.duration[m] * (macro.discount - macro.openingDiscount))
            ratio *= Math.pow(max(macro.sentiment, 1e-6), mp.sentimentExponent)
            ratio *= Math.pow(macro.liquidityIndex, markets.liquidityBeta[m] * mp.liquidityPriceElasticity)
        }
        return open * ratio * markets.impact[m] * markets.shockFactor[m] * markets.distressFactor[m]
    }
}
