/// Step 3, take-or-pay compute (M3) and the labs' and wrappers' bills (M6).
///
/// Each period a contract's scheduled amount (plus what was carried) falls due; the share the
/// seller's energised capacity covers is billed and, when paid, recognised as revenue and taken off
/// the seller's backlog; the rest rolls forward. A buyer short of cash after raising (step 4) pays
/// every bill pro rata (a missed payment), cancels the rest of its contracts (the seller's backlog
/// falls) and defaults when it could pay less than `default_payment_share` of what was due.
extension Simulator {
    /// Works out what each entity owes this period and its monthly burn, into `dues` (all of it rewritten).
    mutating func assessDues(_ dues: inout Obligations) {
        let n = table.count
        for e in 0..<n {
            dues.requiredGW[e] = 0
            dues.contractedGW[e] = 0
            dues.due[e] = 0
            dues.opexDue[e] = 0
            dues.apiDue[e] = 0
        }
        for c in 0..<deals.contracts.count where deals.contracts.isDelivering(c, at: t) {
            let buyer = deals.contracts.buyer[c]
            let seller = deals.contracts.seller[c]
            if alive(buyer), alive(seller) { dues.requiredGW[seller] += deals.contracts.gw[c] }
        }
        for e in 0..<n {
            dues.coverage[e] = on.physical && dues.requiredGW[e] > 0 ? min(1, capacity.energisedGW[e] / dues.requiredGW[e]) : 1
        }
        for c in 0..<deals.contracts.count {
            dues.deliverable[c] = 0
            guard deals.contracts.state[c] == .active else { continue }
            let buyer = deals.contracts.buyer[c]
            let seller = deals.contracts.seller[c]
            guard alive(buyer), alive(seller) else { continue }
            if deals.contracts.isDelivering(c, at: t) { dues.contractedGW[buyer] += deals.contracts.gw[c] * dues.coverage[seller] }
            let amount = deals.contracts.takeDue(c, at: t)
            let deliverable = amount * dues.coverage[seller]
            deals.contracts.carried[c] += amount - deliverable
            dues.deliverable[c] = deliverable
            dues.due[buyer] += deliverable
        }
        for e in table.labsAndWrappers where alive(e) {
            dues.opexDue[e] = grown(p.opex[e], p.opexGrowth[e]) * dt
            if table.roles[e] == .wrapper {
                let ratio = on.subsidy ? p.apiCostRatio[e] : min(1, p.apiCostRatio[e])
                dues.apiDue[e] = max(0, ratio) * books.revenue[e]
            }
            dues.due[e] += dues.opexDue[e] + dues.apiDue[e]
        }
        for e in 0..<n { dues.burn[e] = max(0, dues.due[e] - books.revenue[e]) / months }
    }

    /// Pays every bill of `dues`, pro rata when cash falls short; cancels and defaults as documented.
    mutating func settleDues(_ dues: inout Obligations) throws(EngineError) {
        for e in 0..<table.count where dues.due[e] > 0 && alive(e) {
            if cash(e) < dues.due[e], table.roles[e] == .cloud {
                _ = try fundShortfall(e, amount: dues.due[e] - cash(e), purpose: "compute bills")
            }
            let available = max(0, cash(e))
            let share = min(1, available / dues.due[e])
            period.operatingCashFlow[e] -= dues.due[e] * share
            try books.pay(.wages, from: e, to: table.households, amount: dues.opexDue[e] * share)
            if dues.apiDue[e] > 0 { try payAPIFees(from: e, amount: dues.apiDue[e] * share) }
            for c in deals.contracts.byBuyer[e] where dues.deliverable[c] > 0 && deals.contracts.state[c] == .active {
                try billCompute(c, share: share, &dues)
            }
            guard share < 1 - 1e-9 else { continue }
            let missed = dues.due[e] * (1 - share)
            log.add(
                .missedPayment, period: t, entity: e, amount: missed,
                cause: .billsShortfall(entity: table.names[e], share: share, due: dues.due[e]))
            if on.takeOrPay { cancelContracts(buyer: e, reason: .computeBillsUnpaid(buyer: table.names[e])) }
            if share < p.defaultPaymentShare[e] {
                try declareDefault(e, cause: .billsUnpaid(entity: table.names[e], share: share))
            }
        }
    }

    /// Bills contract `c`'s deliverable amount, paid at `share`; recognises revenue, reduces backlog.
    mutating func billCompute(_ c: Int, share: Double, _ dues: inout Obligations) throws(EngineError) {
        let buyer = deals.contracts.buyer[c]
        let seller = deals.contracts.seller[c]
        let paid = dues.deliverable[c] * share
        dues.deliverable[c] = 0
        try books.pay(.compute, from: buyer, to: seller, amount: paid)
        period.aiRevenue[seller] += paid
        deals.contracts.remaining[c] -= paid
        if on.takeOrPay { firms.backlog[seller] -= paid }
        let tiny = 1e-9 * max(1, deals.contracts.amount[c])
        if deals.contracts.remaining[c] <= tiny || (deals.contracts.scheduleDone(c) && deals.contracts.carried[c] <= tiny) {
            if on.takeOrPay { firms.backlog[seller] -= max(0, deals.contracts.remaining[c]) }
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
    mutating func cancelContracts(buyer: Int, reason: EventCause.CancellationReason) {
        for c in deals.contracts.byBuyer[buyer] {
            cancelContract(c, reason: reason, eventEntity: buyer)
        }
    }

    /// Cancels contract `c`; the event is recorded on `eventEntity`.
    mutating func cancelContract(_ c: Int, reason: EventCause.CancellationReason, eventEntity: Int) {
        let state = deals.contracts.state[c]
        guard state == .active || state == .pending else { return }
        let buyer = deals.contracts.buyer[c]
        let seller = deals.contracts.seller[c]
        let rest = max(0, deals.contracts.remaining[c])
        if state == .active, on.takeOrPay { firms.backlog[seller] -= rest }
        deals.contracts.state[c] = .cancelled
        deals.contracts.remaining[c] = 0
        deals.contracts.carried[c] = 0
        let id = layout.dealIDs[deals.contracts.deal[c]]
        let other = eventEntity == buyer ? seller : buyer
        log.add(
            .contractCancelled, period: t, entity: eventEntity, counterparty: other, deal: id, amount: rest,
            cause: .computeContractCancelled(deal: id, buyer: table.names[buyer], seller: table.names[seller], left: rest, reason: reason),
            link: (buyer, seller))
    }
}
