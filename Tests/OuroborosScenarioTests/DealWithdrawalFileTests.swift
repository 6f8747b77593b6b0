import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// `withdrawn:` and `post_money:` on deals: read with their dates, checked with their locations.
@Suite("deal withdrawals and post-money valuations in scenario files")
struct DealWithdrawalFileTests {
    static func scenario(_ deal: String) -> String {
        """
        kind: network
        name: w
        calendar: {start: 2025-01, end: 2026-12}
        entities:
          lab: {sector: model_lab, cash: $10B}
          chips: {sector: chipmaker, cash: $10B}
        deals:
        \(deal)
        """
    }

    static let equity = """
          - id: D1
            kind: equity_investment
            from: chips
            to: lab
            amount: $10B
            announced: 2025-03
            tranches: {2025-04: $5B, 2026-04: $5B}
        """

    @Test("a withdrawal and a post-money are read into the deal")
    func read() throws {
        let text = Self.scenario(
            Self.equity + """

                    post_money: $300B
                    withdrawn: {date: 2025-09, share: 40%, note: "stalled", source: {url: "https://example.org", title: "Stalled"}}
                """)
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: "w.yaml") else {
            Issue.record("not a network scenario")
            return
        }
        let deal = try #require(scenario.deals.first)
        #expect(deal.postMoney == 300e9)
        let withdrawal = try #require(deal.withdrawal)
        #expect(withdrawal.period == 9 && abs(withdrawal.share - 0.4) < 1e-12 && withdrawal.note == "stalled")
        #expect(withdrawal.source?.url == "https://example.org")
    }

    @Test("a share of zero, a date before signing and a post-money on a chip order are errors at their place")
    func errors() {
        let cases: [(String, String)] = [
            (Self.equity + "\n    withdrawn: {date: 2025-09, share: 0%}", "w.yaml:15:"),
            (Self.equity + "\n    withdrawn: {date: 2025-01}", "w.yaml:15:"),
            (Self.equity + "\n    withdrawn: {share: 50%}", "w.yaml:15:"),
            (
                """
                  - id: D2
                    kind: chip_order
                    from: lab
                    to: chips
                    amount: $1B
                    announced: 2025-03
                    post_money: $5B
                """, "w.yaml:14:"
            ),
        ]
        for (deal, prefix) in cases {
            do {
                _ = try ScenarioLoader.parse(Self.scenario(deal), file: "w.yaml")
                Issue.record("accepted: \(deal)")
            } catch {
                let found = error.diagnostics.map(\.description)
                #expect(found.count == 1 && found[0].hasPrefix(prefix), "\(found)")
            }
        }
    }
}
