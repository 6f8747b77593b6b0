internal import OuroborosCore

/// New LP money for venture funds (M6, M7): each period households commit
/// `lp_inflow_share` × the fund's capital base (its net asset value at the opening) × years,
/// scaled by sentiment^`lp_sentiment_beta`
/// and by the fund's realised return over the period (× max(0, 1 + `lp_return_beta` × annualised
/// return)), paid in as new fund shares. A fund whose portfolio is falling in a gloomy market
/// raises little or nothing; one that is marking up in a boom raises more, and deploys it through
/// `deploy_share` in the next rounds. `lp_inflow_share` 0 switches it off.
extension Simulator {
    /// Takes in the period's LP commitments.
    mutating func takeLimitedPartnerInflows() throws(EngineError) {
        for fund in table.investors where alive(fund) && p.lpInflowShare[fund] > 0 {
            let value = portfolioValue(fund)
            let previous = firms.fundValue[fund]
            firms.fundValue[fund] = value
            guard previous > 0, value > 0 else { continue }
            let annualReturn = (value / previous - 1) / dt
            let appetite = Math.pow(max(macro.sentiment, 0), p.lpSentimentBeta[fund]) * max(0, 1 + p.lpReturnBeta[fund] * annualReturn)
            // Commitments scale with the fund's capital base at the opening, not with its marks, so they
            // do not compound with the money they bring in.
            if firms.lpBase[fund] <= 0 { firms.lpBase[fund] = previous }
            let inflow = p.lpInflowShare[fund] * firms.lpBase[fund] * dt * appetite
            guard inflow > 1 else { continue }
            try books.acquire(holder: table.households, issuer: fund, books.chart.equity, amount: inflow, variable: "LP commitments")
            firms.fundValue[fund] += inflow
            log.add(
                .lpInflow, period: t, entity: fund, counterparty: table.households, amount: inflow,
                cause: .lpInflow(fund: table.names[fund], amount: inflow, annualReturn: annualReturn, sentiment: macro.sentiment))
        }
    }
}
