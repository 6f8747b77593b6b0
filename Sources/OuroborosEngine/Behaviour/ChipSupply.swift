/// Step 6, chipmakers (M5): each chipmaker ships `units_per_month` × months first-in first-out to
/// orders whose delivery lag has passed; a chip-delay shock stops shipments for its months. The
/// buyer pays on delivery (tangible capital), the chipmaker pays (1 − gross margin) to its
/// suppliers, and the GW of accelerators delivered enter the power queue. With M5 off, supply is unlimited.
extension Simulator {
    /// Works out what ships this period, before buyers fund it: `shipments` is rewritten.
    mutating func planDeliveries(_ shipments: inout ChipShipments) {
        shipments.reset(orders: deals.orders.count, entities: table.count)
        let stopped = on.physical && layout.shocks.chipsStopped[t]
        for c in table.chipmakers {
            shipments.production[c] = !on.physical ? .infinity : (stopped ? 0 : max(0, p.unitsPerMonth[c]) * months)
        }
        for o in deals.orders.fifo where deals.orders.state[o] == .active && deals.orders.ready[o] <= t {
            let buyer = deals.orders.buyer[o]
            let seller = deals.orders.seller[o]
            guard alive(buyer), alive(seller) else { continue }
            let units = min(deals.orders.units[o], shipments.production[seller])
            guard units > 0 else { continue }
            shipments.units[o] = units
            shipments.production[seller] -= units
        }
    }

    /// Ships, bills and books the `shipments` that were funded.
    mutating func deliverChips(_ shipments: inout ChipShipments) throws(EngineError) {
        for o in deals.orders.fifo where shipments.units[o] > 0 {
            let buyer = deals.orders.buyer[o]
            let seller = deals.orders.seller[o]
            guard alive(buyer), alive(seller) else { continue }
            var units = shipments.units[o]
            shipments.units[o] = 0
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
            period.operatingCashFlow[seller] += p.grossMargin[seller] * chips
            period.capex[buyer] += chips + construction
            firms.backlog[seller] -= chips
            deals.orders.units[o] -= units
            if deals.orders.units[o] <= 1e-9 * max(1, units) {
                deals.orders.units[o] = 0
                deals.orders.state[o] = .completed
            }
            let gw = p.unitsPerGW[seller] > 0 ? units / p.unitsPerGW[seller] : 0
            build(buyer, gw: gw)
            log.add(
                .chipDelivery, period: t, entity: seller, counterparty: buyer, deal: orderDealID(o), amount: chips,
                cause: .chipDelivery(seller: table.names[seller], units: units, gigawatts: gw, buyer: table.names[buyer]))
        }
    }

    /// Capacity backstops: each vendor buys its cloud's unsold energised capacity (beyond what
    /// `dues` says its contracts need), within the allowance.
    mutating func payBackstops(_ dues: Obligations) throws(EngineError) {
        for b in 0..<deals.backstops.count where deals.backstops.state[b] != .cancelled {
            deals.backstops.accrue(b, at: t)
            let vendor = deals.backstops.vendor[b]
            let cloud = deals.backstops.cloud[b]
            guard alive(vendor), alive(cloud), deals.backstops.allowance[b] > 0 else { continue }
            let unsold = max(0, capacity.energisedGW[cloud] - dues.requiredGW[cloud]) * p.revenuePerGWYear[cloud] * dt
            let payment = min(unsold, deals.backstops.allowance[b], spendable(vendor))
            guard payment > 0 else { continue }
            try books.pay(.backstop, from: vendor, to: cloud, amount: payment)
            period.operatingCashFlow[cloud] += payment
            deals.backstops.allowance[b] -= payment
            deals.backstops.state[b] = .active
            let id = layout.dealIDs[deals.backstops.deal[b]]
            log.add(
                .backstopPaid, period: t, entity: cloud, counterparty: vendor, deal: id, amount: payment,
                cause: .backstopPaid(vendor: table.names[vendor], payment: payment, cloud: table.names[cloud], deal: id))
        }
    }
}
