import OuroborosScenario

/// Small network scenarios whose behaviour can be worked out by hand.
enum Fixtures {
    /// A lab that earns $1B a month from 50M subscribers at $240 a year and must pay a cloud $1B a
    /// month for compute from 2025-01 for 24 months; it holds `cash` plus the $0.5B the cloud invests
    /// in it in 2025-01 (which closes the cycle lab → cloud → lab). Its rounds always fail
    /// (`fail_sentiment` 5 is above any sentiment) and nothing is random (no sentiment noise).
    ///
    /// A demand shock of −x from 2025-01 leaves it x·$1B short each month, so with $5B its cash
    /// before the bill of month m is 6 − m·x ($B). The first month it cannot pay the bill in full it
    /// misses it and its contract is cancelled (the loop breaks) unless it was the last bill (month 24).
    /// So the loop breaks within the horizon iff x > 5/23, and by month m iff x > 5/m.
    static func labAndCloud(cash: String = "$4.5B", extra: String = "") -> String {
        """
        kind: network
        name: lab-and-cloud
        calendar: {start: 2025-01, end: 2026-12}
        seed: 3
        behaviour:
          model_lab: {fail_sentiment: 5, opex_growth: 0, user_growth: 0, enterprise_growth: 0}
          market: {sentiment_noise: 0}
        entities:
          lab: {name: Lab, sector: model_lab, cash: \(cash), valuation: $50B, params: {opex: 0, paying_users: 50M, arpu: $240}}
          cloud: {name: Cloud, sector: hyperscaler, cash: $50B, capacity: 5 GW, params: {legacy_revenue: $10B}}
        deals:
          - {id: C1, kind: compute_contract, from: lab, to: cloud, amount: $24B, announced: 2025-01,
             schedule: {start: 2025-01, months: 24}}
          - {id: E1, kind: equity_investment, from: cloud, to: lab, amount: $0.5B, announced: 2025-01,
             tranches: {2025-01: $0.5B}}
        \(extra)
        """
    }

    /// `labAndCloud` with a demand shock of −10% … −30% and the lab's cash uncertain, so that some runs break and some hold.
    static func fragileScenario() throws -> NetworkScenario {
        let text = labAndCloud(extra: """
        shocks: [demand:-20%@2025-01]
        uncertain:
          shocks.1.size: {dist: uniform, low: -30%, high: -10%}
          entities.lab.cash: {dist: triangular, low: $3.5B, mode: $4.5B, high: $5.5B}
          behaviour.market.risk_premium: {dist: normal, mean: 5%, sd: 1%, low: 2%}
        """)
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: "fragile.yaml") else {
            fatalError("fixture is a network scenario")
        }
        return scenario
    }
}
