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
            if on.takeOrPay { firms.backlog[seller] += deals.contracts.remaining[c] }
        }
        for o in 0..<deals.orders.count where deals.orders.state[o] == .pending && deals.orders.placed[o] <= t {
            guard alive(deals.orders.buyer[o]), alive(deals.orders.seller[o]) else {
                deals.orders.state[o] = .cancelled
                continue
            }
            deals.orders.state[o] = .active
            firms.backlog[deals.orders.seller[o]] += deals.orders.value(o)
        }
        withdrawDeals()
        var a = deals.announcements.cursor
        while a < deals.announcements.count, deals.announcements.period[a] <= t {
            let from = deals.announcements.from[a]
            let to = deals.announcements.to[a]
            let amount = deals.announcements.amount[a]
            let deal = deals.announcements.deal[a]
            if deals.announcements.period[a] >= 1 {
                if layout.marketOf[from] >= 0 { markets.announced[layout.marketOf[from]] += amount }
                if layout.marketOf[to] >= 0 { markets.announced[layout.marketOf[to]] += amount }
                log.add(
                    .announcement, period: t, entity: from, counterparty: to, deal: layout.dealIDs[deal], amount: amount,
                    cause: .announcement(
                        from: table.names[from], to: table.names[to], kind: layout.scenario.deals[deal].kind.rawValue,
                        deal: layout.dealIDs[deal], amount: amount))
            }
            a += 1
        }
        deals.announcements.cursor = a
    }
}
