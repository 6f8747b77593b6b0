/// Forced sellers (M10): an investor that must raise cash sells its least-certain assets first —
/// crypto, then baskets (e.g. SaaS stocks), then listed equity — to the wider public at
/// impact-moved prices. With M10 off nobody sells: the commitment or redemption fails instead.
extension Simulator {
    /// Sells `e`'s assets in liquidation order to raise up to `amount`; returns the proceeds.
    mutating func sellAssets(_ e: Int, amount: Double, reason: EventCause.SaleReason) throws(EngineError) -> Double {
        guard on.forcedSellers, amount > 0, alive(e) else { return 0 }
        var raised = 0.0
        for rank in 0...2 {
            for k in 0..<positions.count where raised < amount * (1 - 1e-12) {
                let m = positions.market[k]
                guard positions.holder[k] == e, m >= 0, markets.liquidationRank(m) == rank, positions.units[k] > 0 else { continue }
                let free = positions.units[k] - pledgedUnits(holder: e, market: m)
                guard free > 0 else { continue }
                let (units, price) = unitsToRaise(amount - raised, in: m, held: free)
                raised += try sell(position: k, units: units, price: price, reason: reason)
            }
        }
        return raised
    }

    /// Sells `units` of position `k` at `price` to households; records the sale and its impact.
    mutating func sell(position k: Int, units: Double, price: Double, reason: EventCause.SaleReason) throws(EngineError) -> Double {
        let m = positions.market[k]
        let seller = positions.holder[k]
        let proceeds = units * price
        guard proceeds > 0 else { return 0 }
        let buyer = table.households
        if markets.kind[m] == .crypto {
            try books.tradeCrypto(buyer: buyer, seller: seller, amount: proceeds)
        } else {
            try books.acquire(holder: buyer, issuer: seller, books.chart.equity, amount: proceeds, variable: "sale of \(markets.ids[m])")
        }
        positions.units[k] -= units
        positions.book[k] -= proceeds
        let publicFloat = positions.listed(market: m, issuer: positions.issuer[k], holder: buyer)
        positions.units[publicFloat] += units
        positions.book[publicFloat] += proceeds
        markets.sales[m] += proceeds
        log.add(
            .forcedSale, period: t, entity: seller, deal: markets.ids[m], amount: proceeds,
            cause: .forcedSale(
                seller: table.names[seller], proceeds: proceeds, market: markets.ids[m], shareOfMark: price / max(markets.price[m], 1e-12),
                reason: reason))
        return proceeds
    }

    /// Units of market `m` that `holder` has pledged and may not sell freely.
    @inline(__always) func pledgedUnits(holder: Int, market m: Int) -> Double {
        var total = 0.0
        for k in 0..<deals.pledges.count
        where deals.pledges.insider[k] == holder && deals.pledges.market[k] == m
            && deals.pledges.state[k] == .active
        {
            total += deals.pledges.units[k]
        }
        return total
    }
}
