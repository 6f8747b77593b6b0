/// Step 6, chipmakers (M5): each chipmaker ships `units_per_month` × months first-in first-out to
/// orders whose delivery lag has passed; a chip-delay shock stops shipments for its months. The
/// buyer pays on delivery (tangible capital), the chipmaker pays (1 − gross margin) to its
/// suppliers, and the GW of accelerators delivered enter the power queue. With M5 off, supply is unlimited.
extension Simulator {
    /// Works out what ships this period (before buyers fund it).
    mutating func planDeliveries() {
        if plannedUnits.count < deals.orders.count {
            plannedUnits.append(contentsOf: repeatElement(0, count: deals.orders.count - plannedUnits.count))
        }
        var capacity = [Double](repeating: 0, count: table.count)
        let stopped = on.physical && layout.shocks.chipsStopped[t]
        for c in table.chipmakers {
            capacity[c] = !on.physical ? .infinity : (stopped ? 0 : max(0, p.unitsPerMonth[c]) * months)
        }
        for o in 0..<deals.orders.count { plannedUnits[o] = 0 }
        for o in deals.orders.fifo where deals.orders.state[o] == .active && deals.orders.ready[o] <= t {
            let buyer = deals.orders.buyer[o]
            let seller = deals.orders.seller[o]
            guard alive(buyer), alive(seller) else { continue }
            let units = min(deals.orders.units[o], capacity[seller])
            guard units > 0 else { continue }
            plannedUnits[o] = units
            capacity[seller] -= units
        }
    }

    /// Ships, bills and books what was planned and funded.
    mutating func deliverChips() throws(EngineError) {
        for o in deals.orders.fifo where plannedUnits[o] > 0 {
            let buyer = deals.orders.buyer[o]
            let seller = deals.orders.seller[o]
            guard alive(buyer), alive(seller) else { continue }
            var units = plannedUnits[o]
            plannedUnits[o] = 0
            let perUnit = deliveryCost(o, units: 1)
            if perUnit * units > cash(buyer) {
                units = max(0, cash(buyer)) / max(perUnit, 1e-9)
                deals.orders.deferred[o] += 1
            }
            guard units > 1e-9 else { continue }
            let chips = units * deals.orders.unitPrice[o]
            let construction = deliveryCost(o, units: units) - chips
            try books.buyCapital(.chips, buyer: buyer, seller: seller, amount: chips)
            try books.buyCapital(.construction, buyer: buyer, seller: table.households, amount: construction)
            try books.pay(.supplierCosts, from: seller, to: table.households, amount: (1 - p.grossMargin[seller]) * chips)
            operatingCashFlow[seller] += p.grossMargin[seller] * chips
            capex[buyer] += chips + construction
            backlog[seller] -= chips
            deals.orders.units[o] -= units
            if deals.orders.units[o] <= 1e-9 * max(1, units) {
                deals.orders.units[o] = 0
                deals.orders.state[o] = .completed
            }
            let gw = p.unitsPerGW[seller] > 0 ? units / p.unitsPerGW[seller] : 0
            build(buyer, gw: gw)
            log.add(
                .chipDelivery, period: t, entity: seller, counterparty: buyer, deal: orderDealID(o), amount: chips,
                cause:
                    "\(table.names[seller]) delivered \(MoneyText.decimal(units / 1000, places: 1))k accelerators (\(MoneyText.decimal(gw, places: 2)) GW) to \(table.names[buyer])"
            )
        }
    }

    /// Capacity backstops: each vendor buys its cloud's unsold energised capacity, within the allowance.
    mutating func payBackstops() throws(EngineError) {
        for b in 0..<deals.backstops.count where deals.backstops.state[b] != .cancelled {
            deals.backstops.accrue(b, at: t)
            let vendor = deals.backstops.vendor[b]
            let cloud = deals.backstops.cloud[b]
            guard alive(vendor), alive(cloud), deals.backstops.allowance[b] > 0 else { continue }
            let unsold = max(0, energisedGW[cloud] - requiredGW[cloud]) * p.revenuePerGWYear[cloud] * dt
            let payment = min(unsold, deals.backstops.allowance[b], spendable(vendor))
            guard payment > 0 else { continue }
            try books.pay(.backstop, from: vendor, to: cloud, amount: payment)
            operatingCashFlow[cloud] += payment
            deals.backstops.allowance[b] -= payment
            deals.backstops.state[b] = .active
            let id = layout.scenario.deals[deals.backstops.deal[b]].id
            log.add(
                .backstopPaid, period: t, entity: cloud, counterparty: vendor, deal: id, amount: payment,
                cause: "\(table.names[vendor]) bought \(MoneyText.usd(payment)) of \(table.names[cloud])'s unsold capacity under \(id)")
        }
    }
}
