/// Step 3, take-or-pay compute (M3) and the labs' and wrappers' bills (M6).
///
/// Each period a contract's scheduled amount (plus what was carried) falls due; the share the
/// seller's energised capacity covers is billed and, when paid, recognised as revenue and taken off
/// the seller's backlog; the rest rolls forward. A buyer short of cash after raising (step 4) pays
/// every bill pro rata (a missed payment), cancels the rest of its contracts (the seller's backlog
/// falls) and defaults when it could pay less than `default_payment_share` of what was due.
extension Simulator {
    /// Works out what each entity owes this period and its monthly burn.
    mutating func assessDues() {
        let n = table.count
        for e in 0..<n {
            requiredGW[e] = 0
            contractedGW[e] = 0
            due[e] = 0
            opexDue[e] = 0
            apiDue[e] = 0
            aiRevenue[e] = 0
        }
        for c in 0..<deals.contracts.count where deals.contracts.isDelivering(c, at: t) {
            let buyer = deals.contracts.buyer[c]
            let seller = deals.contracts.seller[c]
            if alive(buyer), alive(seller) { requiredGW[seller] += deals.contracts.gw[c] }
        }
        for e in 0..<n {
            coverage[e] = on.physical && requiredGW[e] > 0 ? min(1, energisedGW[e] / requiredGW[e]) : 1
        }
        for c in 0..<deals.contracts.count {
            contractDeliver[c] = 0
            guard deals.contracts.state[c] == .active else { continue }
            let buyer = deals.contracts.buyer[c]
            let seller = deals.contracts.seller[c]
            guard alive(buyer), alive(seller) else { continue }
            if deals.contracts.isDelivering(c, at: t) { contractedGW[buyer] += deals.contracts.gw[c] * coverage[seller] }
            let amount = deals.contracts.takeDue(c, at: t)
            let deliverable = amount * coverage[seller]
            deals.contracts.carried[c] += amount - deliverable
            contractDeliver[c] = deliverable
            due[buyer] += deliverable
        }
        for e in table.labs + table.wrappers where alive(e) {
            opexDue[e] = grown(p.opex[e], p.opexGrowth[e]) * dt
            if table.roles[e] == .wrapper {
                let ratio = on.subsidy ? p.apiCostRatio[e] : min(1, p.apiCostRatio[e])
                apiDue[e] = max(0, ratio) * books.revenue[e]
            }
            due[e] += opexDue[e] + apiDue[e]
        }
        for e in 0..<n { burn[e] = max(0, due[e] - books.revenue[e]) / months }
    }

    /// Pays every bill due, pro rata when cash falls short; cancels and defaults as documented.
    mutating func settleDues() throws(EngineError) {
        for e in 0..<table.count where due[e] > 0 && alive(e) {
            if cash(e) < due[e], table.roles[e] == .cloud {
                _ = try fundShortfall(e, amount: due[e] - cash(e), purpose: "compute bills")
            }
            let available = max(0, cash(e))
            let share = min(1, available / due[e])
            operatingCashFlow[e] -= due[e] * share
            try books.pay(.wages, from: e, to: table.households, amount: opexDue[e] * share)
            if apiDue[e] > 0 { try payAPIFees(from: e, amount: apiDue[e] * share) }
            for c in 0..<deals.contracts.count
            where deals.contracts.buyer[c] == e && contractDeliver[c] > 0
                && deals.contracts.state[c] == .active
            {
                try billCompute(c, share: share)
            }
            guard share < 1 - 1e-9 else { continue }
            let missed = due[e] * (1 - share)
            log.add(
                .missedPayment, period: t, entity: e, amount: missed,
                cause: "\(table.names[e]) could pay only \(MoneyText.percent(share)) of \(MoneyText.usd(due[e])) due (opex, compute, API fees)")
            if on.takeOrPay { cancelContracts(buyer: e, cause: "\(table.names[e]) could not pay its compute bills") }
            if share < p.defaultPaymentShare[e] {
                try declareDefault(e, cause: "\(table.names[e]) could pay only \(MoneyText.percent(share)) of its bills and found no more funding")
            }
        }
    }

    /// Bills contract `c`'s deliverable amount, paid at `share`; recognises revenue, reduces backlog.
    mutating func billCompute(_ c: Int, share: Double) throws(EngineError) {
        let buyer = deals.contracts.buyer[c]
        let seller = deals.contracts.seller[c]
        let paid = contractDeliver[c] * share
        contractDeliver[c] = 0
        try books.pay(.compute, from: buyer, to: seller, amount: paid)
        aiRevenue[seller] += paid
        deals.contracts.remaining[c] -= paid
        if on.takeOrPay { backlog[seller] -= paid }
        let tiny = 1e-9 * max(1, deals.contracts.amount[c])
        if deals.contracts.remaining[c] <= tiny || (deals.contracts.scheduleDone(c) && deals.contracts.carried[c] <= tiny) {
            if on.takeOrPay { backlog[seller] -= max(0, deals.contracts.remaining[c]) }
            deals.contracts.remaining[c] = 0
            deals.contracts.carried[c] = 0
            deals.contracts.state[c] = .completed
        }
    }

    /// A wrapper's API spend, paid to the labs still running by their enterprise share.
    mutating func payAPIFees(from wrapper: Int, amount: Double) throws(EngineError) {
        var total = 0.0
        for (k, lab) in table.labs.enumerated() where alive(lab) { total += layout.apiShare[k] }
        guard total > 0 else {
            try books.pay(.wages, from: wrapper, to: table.households, amount: amount)
            return
        }
        for (k, lab) in table.labs.enumerated() where alive(lab) {
            try books.pay(.apiFees, from: wrapper, to: lab, amount: amount * layout.apiShare[k] / total)
        }
    }

    /// Cancels every running or pending contract bought by `buyer`; each seller's backlog falls by the rest.
    mutating func cancelContracts(buyer: Int, cause: String) {
        for c in 0..<deals.contracts.count where deals.contracts.buyer[c] == buyer {
            cancelContract(c, cause: cause, eventEntity: buyer)
        }
    }

    /// Cancels contract `c`; the event is recorded on `eventEntity`.
    mutating func cancelContract(_ c: Int, cause: String, eventEntity: Int) {
        let state = deals.contracts.state[c]
        guard state == .active || state == .pending else { return }
        let buyer = deals.contracts.buyer[c]
        let seller = deals.contracts.seller[c]
        let rest = max(0, deals.contracts.remaining[c])
        if state == .active, on.takeOrPay { backlog[seller] -= rest }
        deals.contracts.state[c] = .cancelled
        deals.contracts.remaining[c] = 0
        deals.contracts.carried[c] = 0
        let id = layout.scenario.deals[deals.contracts.deal[c]].id
        let other = eventEntity == buyer ? seller : buyer
        log.add(
            .contractCancelled, period: t, entity: eventEntity, counterparty: other, deal: id, amount: rest,
            cause: "compute contract \(id) (\(table.names[buyer]) → \(table.names[seller])) cancelled with \(MoneyText.usd(rest)) left: \(cause)",
            link: (buyer, seller))
    }
}
