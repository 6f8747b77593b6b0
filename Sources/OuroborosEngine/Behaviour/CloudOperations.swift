/// Step 5, clouds (M4, M5): operating costs out of AI and legacy revenue (power to the grid, the
/// rest to staff and suppliers), capex from capex plans and chip deliveries, funded down the
/// hierarchy; when that is not enough, discretionary capex is cut (plans first, then chip
/// deliveries deferred, and cancelled after `capex_defer_limit_months`). A cloud that cannot pay
/// its operating costs defaults.
extension Simulator {
    /// Runs every cloud's and chipmaker's operating and capex step; `shipments` (planned by
    /// `planDeliveries`) are funded, deferred or cancelled here and grow with the orders capex plans place.
    mutating func operateClouds(_ shipments: inout ChipShipments) throws(EngineError) {
        for cloud in table.clouds where alive(cloud) { try operate(cloud: cloud, &shipments) }
        try spendOtherCapexPlans()
        for chipmaker in table.chipmakers where alive(chipmaker) {
            let legacy = legacyRevenue(chipmaker)
            let cost = (1 - p.grossMargin[chipmaker]) * legacy
            try books.pay(.supplierCosts, from: chipmaker, to: table.households, amount: min(cost, max(0, cash(chipmaker))))
            period.operatingCashFlow[chipmaker] += legacy - cost
        }
    }

    private mutating func operate(cloud: Int, _ shipments: inout ChipShipments) throws(EngineError) {
        let legacy = legacyRevenue(cloud)
        let ai = period.aiRevenue[cloud]
        let power = capacity.energisedGW[cloud] * 8760 * 1000 * mp.pricePerMWh * dt
        let aiCost = max(power, (1 - p.aiMargin[cloud]) * ai)
        let legacyCost = (1 - p.legacyMargin[cloud]) * legacy
        let costs = aiCost + legacyCost
        period.operatingCashFlow[cloud] += legacy + ai - costs
        // Capex due: capex plans and chip deliveries (with construction for deal orders).
        var planSpend = 0.0
        for k in deals.capexPlans.byFrom[cloud] where deals.capexPlans.state[k] == .pending && deals.capexPlans.period[k] <= t {
            planSpend += deals.capexPlans.amount[k]
        }
        var deliveries = 0.0
        for o in deals.orders.byBuyer[cloud] where shipments.units[o] > 0 {
            deliveries += deliveryCost(o, units: shipments.units[o])
        }
        let need = costs + planSpend + deliveries
        // Capex must leave the period's interest paid (M4): that much cash is kept back, and when
        // credit was rationed, the interest on what was just borrowed too.
        let reserve = on.hierarchy ? interestDue(cloud) : 0
        var rationed = false
        if need + reserve + p.minCash[cloud] > cash(cloud) {
            let asked = need + reserve + p.minCash[cloud] - cash(cloud)
            rationed = try fundShortfall(cloud, amount: asked, purpose: "for capex") < asked - 1
        }
        let interest = rationed ? interestDue(cloud) : reserve
        var short = need + interest - max(0, cash(cloud))
        if short > 0, planSpend > 0 {
            cutCapexPlans(cloud, amount: planSpend)
            short -= planSpend
            planSpend = 0
        }
        if short > 0 { deferDeliveries(cloud, amount: short, &shipments) }
        // Operating costs.
        let share = costs > 0 ? min(1, max(0, cash(cloud)) / costs) : 1
        try books.pay(.power, from: cloud, to: table.powerSeller, amount: power * share)
        try books.pay(.operatingCosts, from: cloud, to: table.households, amount: (costs - power) * share)
        if share < 1 - 1e-9 {
            log.add(
                .missedPayment, period: t, entity: cloud, amount: costs * (1 - share),
                cause: .operatingShortfall(cloud: table.names[cloud], share: share, costs: costs))
            try declareDefault(cloud, cause: .operatingCostsUnpaid(cloud: table.names[cloud]))
            return
        }
        if planSpend > 0 { try spendCapexPlans(cloud, &shipments) }
        let stock = books.holding(cloud, books.chart.tangible)
        if p.depreciation[cloud] > 0, stock > 0 {
            try books.revalue(holder: cloud, issuer: nil, books.chart.tangible, amount: -stock * p.depreciation[cloud] * dt, variable: "depreciation")
        }
    }

    /// The interest `e` owes this period on its positions at today's rates.
    @inline(__always) func interestDue(_ e: Int) -> Double {
        var total = 0.0
        for d in deals.debt.byBorrower[e] where deals.debt.state[d] == .active && deals.debt.principal[d] > 0 {
            total += deals.debt.principal[d] * deals.debt.rate(d, policyRate: macro.rate) * dt
        }
        return total
    }

    /// What delivering `units` of order `o` costs the buyer now: the chips, plus construction for deal orders.
    @inline(__always) func deliveryCost(_ o: Int, units: Double) -> Double {
        let chips = units * deals.orders.unitPrice[o]
        guard deals.orders.deal[o] >= 0 else { return chips }
        let buyer = deals.orders.buyer[o]
        let seller = deals.orders.seller[o]
        let gw = p.unitsPerGW[seller] > 0 ? units / p.unitsPerGW[seller] : 0
        return chips + gw * p.capexPerGW[buyer] * max(0, 1 - p.chipShare[buyer])
    }

    /// Pays the capex plans due: construction to builders now, the chip share ordered from the chipmaker.
    private mutating func spendCapexPlans(_ cloud: Int, _ shipments: inout ChipShipments) throws(EngineError) {
        for k in deals.capexPlans.byFrom[cloud] where deals.capexPlans.state[k] == .pending && deals.capexPlans.period[k] <= t {
            let amount = deals.capexPlans.amount[k]
            let target = deals.capexPlans.to[k]
            let chipmaker = table.roles[target] == .chipmaker && alive(target) ? target : (table.chipmakers.first(where: alive) ?? -1)
            let chipPart = chipmaker >= 0 ? amount * min(1, max(0, p.chipShare[cloud])) : 0
            try books.buyCapital(.construction, buyer: cloud, seller: table.households, amount: amount - chipPart)
            period.capex[cloud] += amount - chipPart
            if chipPart == 0 { build(cloud, gw: amount / max(1, p.capexPerGW[cloud])) }
            if chipPart > 0, p.unitPrice[chipmaker] > 0 {
                let order = deals.orders.add(
                    deal: -1, buyer: cloud, seller: chipmaker, unitPrice: p.unitPrice[chipmaker],
                    units: chipPart / p.unitPrice[chipmaker], placed: t, ready: t + 1)
                deals.orders.state[order] = .active
                shipments.units.append(0)
                firms.backlog[chipmaker] += chipPart
            }
            deals.capexPlans.state[k] = .completed
        }
    }

    /// Capex plans of spenders that are not clouds: paid from cash to the deal's counterparty (chips
    /// to a chipmaker, construction otherwise), building GW at `capex_per_gw`; cut when cash falls short.
    private mutating func spendOtherCapexPlans() throws(EngineError) {
        for k in 0..<deals.capexPlans.count where deals.capexPlans.state[k] == .pending && deals.capexPlans.period[k] <= t {
            let spender = deals.capexPlans.from[k]
            let target = deals.capexPlans.to[k]
            let amount = deals.capexPlans.amount[k]
            guard table.roles[spender] != .cloud, alive(spender) else { continue }
            guard spendable(spender) >= amount else {
                deals.capexPlans.state[k] = .cancelled
                log.add(.capexCut, period: t, entity: spender, amount: amount, cause: .capexCut(spender: table.names[spender], amount: amount))
                continue
            }
            let isChips = table.roles[target] == .chipmaker && alive(target)
            try books.buyCapital(isChips ? .chips : .construction, buyer: spender, seller: isChips ? target : table.households, amount: amount)
            period.capex[spender] += amount
            build(spender, gw: amount / max(1, p.capexPerGW[spender]))
            deals.capexPlans.state[k] = .completed
        }
    }

    /// Puts `gw` of newly built capacity of `e` into the interconnection queue (M5; at once with M5 off).
    mutating func build(_ e: Int, gw: Double) {
        guard gw > 0 else { return }
        capacity.enqueue(e, gw: gw, ready: on.physical ? t + steps(months: mp.queueMonths) : t)
    }

    /// Cancels the capex plans due this period for want of funds.
    private mutating func cutCapexPlans(_ cloud: Int, amount: Double) {
        for k in deals.capexPlans.byFrom[cloud] where deals.capexPlans.state[k] == .pending && deals.capexPlans.period[k] <= t {
            deals.capexPlans.state[k] = .cancelled
        }
        log.add(.capexCut, period: t, entity: cloud, amount: amount, cause: .capexCut(spender: table.names[cloud], amount: amount))
    }

    /// Defers this period's deliveries to `cloud` worth `amount`, latest orders first; an order deferred
    /// longer than `capex_defer_limit_months` is cancelled and the chipmaker's backlog falls.
    mutating func deferDeliveries(_ buyer: Int, amount: Double, _ shipments: inout ChipShipments) {
        var left = amount
        for o in deals.orders.fifo.reversed() where left > 0 && deals.orders.buyer[o] == buyer && shipments.units[o] > 0 {
            let perUnit = deliveryCost(o, units: 1)
            let cut = min(shipments.units[o], left / max(perUnit, 1e-9))
            shipments.units[o] -= cut
            left -= cut * perUnit
            deals.orders.deferred[o] += 1
            let seller = deals.orders.seller[o]
            if deals.orders.deferred[o] > steps(months: p.deferLimitMonths[buyer]) {
                cancelOrder(o, reason: .deliveryUnfunded(buyer: table.names[buyer], periods: deals.orders.deferred[o]), eventEntity: buyer)
                shipments.units[o] = 0
            } else {
                log.add(
                    .capexCut, period: t, entity: buyer, counterparty: seller, deal: orderDealID(o), amount: cut * perUnit,
                    cause: .deliveriesDeferred(buyer: table.names[buyer], amount: cut * perUnit, seller: table.names[seller]))
            }
        }
    }

    /// Cancels chip order `o`; the chipmaker's backlog falls by its undelivered value.
    mutating func cancelOrder(_ o: Int, reason: EventCause.CancellationReason, eventEntity: Int) {
        let state = deals.orders.state[o]
        guard state == .active || state == .pending else { return }
        let buyer = deals.orders.buyer[o]
        let seller = deals.orders.seller[o]
        let rest = deals.orders.value(o)
        if state == .active { firms.backlog[seller] -= rest }
        deals.orders.state[o] = .cancelled
        deals.orders.units[o] = 0
        let other = eventEntity == buyer ? seller : buyer
        let isDeal = deals.orders.deal[o] >= 0
        log.add(
            .contractCancelled, period: t, entity: eventEntity, counterparty: other, deal: orderDealID(o), amount: rest,
            cause: .chipOrderCancelled(
                deal: orderDealID(o), buyer: table.names[buyer], seller: table.names[seller], undelivered: rest, reason: reason),
            link: isDeal ? (buyer, seller) : nil)
    }

    /// The deal id of order `o`, nil for capex-plan orders.
    @inline(__always) func orderDealID(_ o: Int) -> String? {
        deals.orders.deal[o] >= 0 ? layout.dealIDs[deals.orders.deal[o]] : nil
    }
}
