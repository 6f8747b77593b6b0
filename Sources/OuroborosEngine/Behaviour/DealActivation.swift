/// Signing and announcing: compute contracts book backlog at signing (M3), chip orders at placing,
/// and announcements add to both parties' narratives before any cash moves (M1).
extension Simulator {
    /// Activates the deals signed or placed by period `t` and records this period's announcements.
    mutating func activateDeals() {
        for c in 0..<deals.contracts.count where deals.contracts.state[c] == .pending && deals.contracts.signed[c] <= t {
            let buyer = deals.contracts.buyer[c]
            let seller = deals.contracts.seller[c]
            guard alive(buyer), alive(seller) else {
                deals.contracts.state[c] = .cancelled
                continue
            }
            deals.contracts.state[c] = .active
            if on.takeOrPay { backlog[seller] += deals.contracts.remaining[c] }
        }
        for o in 0..<deals.orders.count where deals.orders.state[o] == .pending && deals.orders.placed[o] <= t {
            guard alive(deals.orders.buyer[o]), alive(deals.orders.seller[o]) else {
                deals.orders.state[o] = .cancelled
                continue
            }
            deals.orders.state[o] = .active
            backlog[deals.orders.seller[o]] += deals.orders.value(o)
        }
        var a = deals.announcements.cursor
        while a < deals.announcements.count, deals.announcements.period[a] <= t {
            let from = deals.announcements.from[a]
            let to = deals.announcements.to[a]
            let amount = deals.announcements.amount[a]
            let deal = layout.scenario.deals[deals.announcements.deal[a]]
            if deals.announcements.period[a] >= 1 {
                for party in [from, to] where marketOf[party] >= 0 { markets.announced[marketOf[party]] += amount }
                log.add(
                    .announcement, period: t, entity: from, counterparty: to, deal: deal.id, amount: amount,
                    cause: "\(table.names[from]) and \(table.names[to]) announced \(deal.kind.rawValue) \(deal.id) of \(MoneyText.usd(amount))")
            }
            a += 1
        }
        deals.announcements.cursor = a
    }
}
