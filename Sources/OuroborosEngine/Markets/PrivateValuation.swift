internal import OuroborosCore

/// Private valuations (M7): a lab's or wrapper's mark is its annual revenue run rate × a revenue
/// multiple. The multiple is the one its last round implied (post-money ÷ the run rate then),
/// reverting toward `valuation_revenue_multiple` with a half-life of `multiple_half_life_months`,
/// moved with sentiment since that round (to the power `valuation_sentiment_exponent`) and held
/// within [`min_revenue_multiple`, `max_revenue_multiple`] (widened to the last round's own
/// multiple when that lies outside: the record's price stands). A round the record reports sets the
/// post-money (`post_money:` of a scripted equity deal); an endogenous round is priced at the mark,
/// so sentiment is counted once, not compounded round after round. Without revenue the mark is the
/// last post-money moved with sentiment. A defaulted firm is marked at zero.
extension Simulator {
    /// The revenue multiple `e` is marked at now.
    func revenueMultiple(_ e: Int) -> Double {
        let longRun = p.valuationRevenueMultiple[e]
        let implied = firms.lastRoundRevenue[e] > 0 ? firms.lastRoundValuation[e] / firms.lastRoundRevenue[e] : longRun
        let halfLife = p.multipleHalfLifeMonths[e]
        let elapsed = Double(t - firms.lastRoundPeriod[e]) * months
        let atRound = halfLife > 0 ? longRun + (implied - longRun) * Math.pow(0.5, elapsed / halfLife) : implied
        let drift = sentimentDrift(e)
        // A multiple the record reports (a scripted round's post-money) may lie outside the bounds: they
        // hold the drift, not the reported price.
        let floor = min(p.minRevenueMultiple[e], implied)
        let cap = max(p.maxRevenueMultiple[e], implied)
        return min(cap, max(floor, atRound * drift))
    }

    /// (Sentiment now ÷ sentiment at `e`'s last round)^`valuation_sentiment_exponent`.
    @inline(__always) func sentimentDrift(_ e: Int) -> Double {
        Math.pow(max(macro.sentiment, 1e-6) / max(firms.lastRoundSentiment[e], 1e-6), p.valuationSentimentExponent[e])
    }

    /// The private valuation of `e` at an annual revenue run rate of `runRate`.
    func privateValuation(_ e: Int, runRate: Double) -> Double {
        guard alive(e) else { return 0 }
        guard runRate > 0, firms.lastRoundRevenue[e] > 0 else { return max(0, firms.lastRoundValuation[e] * sentimentDrift(e)) }
        return runRate * revenueMultiple(e)
    }

    /// Records a round of `e` at `postMoney` with annual revenue `runRate` (the new reference of its multiple).
    mutating func markRound(_ e: Int, postMoney: Double, runRate: Double) {
        firms.lastRoundValuation[e] = postMoney
        firms.lastRoundRevenue[e] = runRate
        firms.lastRoundSentiment[e] = macro.sentiment
        firms.lastRoundPeriod[e] = t
        firms.privateMark[e] = postMoney
    }

    /// `e`'s revenue this period at an annual rate (complete from step 3 on; rounds use last period's, `FirmState.revenueRunRate`).
    @inline(__always) func annualRevenue(_ e: Int) -> Double { books.revenue[e] / dt }
}
