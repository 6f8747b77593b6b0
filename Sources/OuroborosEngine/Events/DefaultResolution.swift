/// Step 10, defaults (M11). When an entity defaults it stops paying at once and its open
/// contracts, chip orders and tranches are cancelled (an event on each counterparty). At the end of
/// the period the defaulters' debts are cleared together, Eisenberg–Noe style: each pays its
/// creditors pro rata the largest amount consistent with what the other defaulters pay it; the rest
/// is written off by the creditors (loss events; a bank's capital and so its lending headroom fall, a
/// credit fund's dry powder shrinks by its loss), the defaulter's listed equity is priced near zero
/// and private stakes in it are written off. With M11 off, claims stay on the books, frozen.
extension Simulator {
    /// Marks `e` as defaulted and cancels everything it had open.
    mutating func declareDefault(_ e: Int, cause: EventCause.DefaultReason) throws(EngineError) {
        guard alive(e) else { return }
        firms.defaulted[e] = true
        firms.defaultPeriod[e] = t
        period.defaulters.append(e)
        macro.defaultsSinceSentimentUpdate += 1
        var debt = 0.0
        for d in 0..<deals.debt.count where deals.debt.borrower[d] == e { debt += deals.debt.principal[d] }
        log.add(.default, period: t, entity: e, amount: debt, cause: .defaulted(cause))
        let reason = EventCause.CancellationReason.partyDefaulted(table.names[e])
        for c in 0..<deals.contracts.count where deals.contracts.buyer[c] == e || deals.contracts.seller[c] == e {
            let other = deals.contracts.buyer[c] == e ? deals.contracts.seller[c] : deals.contracts.buyer[c]
            cancelContract(c, reason: reason, eventEntity: other)
        }
        for o in 0..<deals.orders.count where deals.orders.buyer[o] == e || deals.orders.seller[o] == e {
            let other = deals.orders.buyer[o] == e ? deals.orders.seller[o] : deals.orders.buyer[o]
            cancelOrder(o, reason: reason, eventEntity: other)
        }
        for k in 0..<deals.equity.count
        where deals.equity.state[k] == .pending
            && (deals.equity.investor[k] == e || deals.equity.investee[k] == e)
        {
            deals.equity.state[k] = .cancelled
            let investor = deals.equity.investor[k]
            let investee = deals.equity.investee[k]
            let id = layout.dealIDs[deals.equity.deal[k]]
            log.add(
                .contractCancelled, period: t, entity: investor == e ? investee : investor, counterparty: e, deal: id,
                amount: deals.equity.amount[k], cause: .trancheCancelled(deal: id, reason: reason), link: (investor, investee))
        }
        for k in 0..<deals.warrants.count where deals.warrants.from[k] == e || deals.warrants.to[k] == e {
            if deals.warrants.state[k] == .pending { deals.warrants.state[k] = .cancelled }
        }
        for k in 0..<deals.capexPlans.count where deals.capexPlans.from[k] == e && deals.capexPlans.state[k] == .pending {
            deals.capexPlans.state[k] = .cancelled
        }
        for b in 0..<deals.backstops.count where deals.backstops.vendor[b] == e || deals.backstops.cloud[b] == e {
            deals.backstops.state[b] = .cancelled
        }
    }

    /// Clears this period's defaulters' debts and propagates the losses.
    mutating func clearDefaults() throws(EngineError) {
        guard !period.defaulters.isEmpty else { return }
        let defaulters = period.defaulters
        period.defaulters.removeAll()
        var owed = [Double](repeating: 0, count: table.count)
        for d in 0..<deals.debt.count
        where firms.defaulted[deals.debt.borrower[d]] && deals.debt.principal[d] > 0
            && deals.debt.state[d] == .active
        {
            owed[deals.debt.borrower[d]] += deals.debt.principal[d]
        }
        let paid = clearingVector(defaulters, owed: owed)
        for i in defaulters {
            let ratio = owed[i] > 0 ? min(1, paid[i] / owed[i]) : 1
            var losses = [Double](repeating: 0, count: table.count)
            for d in 0..<deals.debt.count where deals.debt.borrower[d] == i && deals.debt.principal[d] > 0 && deals.debt.state[d] == .active {
                try repayPrincipal(d, amount: deals.debt.principal[d] * ratio)
                losses[deals.debt.lender[d]] += try writeOff(d)
            }
            for lender in 0..<table.count where losses[lender] > 0 {
                // A credit fund's losses impair its investors' remaining commitments (its dry powder).
                if table.roles[lender] == .privateCreditFund {
                    firms.uncalled[lender] = max(0, firms.uncalled[lender] - losses[lender])
                    firms.creditLosses[lender] += losses[lender]
                }
                log.add(
                    .loss, period: t, entity: lender, counterparty: i, amount: losses[lender],
                    cause: .loanWrittenOff(lender: table.names[lender], loss: losses[lender], borrower: table.names[i], recovery: ratio))
            }
            try writeOffEquity(of: i)
        }
    }

    /// The greatest clearing vector: p_i = min(owed_i, cash_i + Σ_j share of j's payments owed to i).
    private func clearingVector(_ defaulters: [Int], owed: [Double]) -> [Double] {
        var paid = owed
        for _ in 0..<200 {
            var change = 0.0
            for i in defaulters {
                var inflow = max(0, cash(i))
                for d in 0..<deals.debt.count where deals.debt.lender[d] == i && deals.debt.state[d] == .active {
                    let j = deals.debt.borrower[d]
                    guard firms.defaulted[j], owed[j] > 0 else { continue }
                    inflow += deals.debt.principal[d] * paid[j] / owed[j]
                }
                let next = min(owed[i], inflow)
                change = max(change, abs(next - paid[i]))
                paid[i] = next
            }
            if change <= 1e-9 * max(1, owed.reduce(0, +)) { break }
        }
        return paid
    }

    /// Writes off what is left of position `d` (M11 on) or freezes it (M11 off); returns the loss written off.
    private mutating func writeOff(_ d: Int) throws(EngineError) -> Double {
        let loss = deals.debt.principal[d]
        guard loss > 1e-6 else { return 0 }
        let lender = deals.debt.lender[d]
        let borrower = deals.debt.borrower[d]
        let kind = deals.debt.kind[d]
        deals.debt.state[d] = .failed
        guard on.contagion else { return 0 }
        try books.revalue(holder: lender, issuer: borrower, DebtBook.instrument(kind, in: books.chart), amount: -loss, variable: "write-off")
        deals.debt.principal[d] = 0
        return loss
    }

    /// Prices the defaulter's listed equity near zero (next repricing) and writes off private stakes in it.
    private mutating func writeOffEquity(of e: Int) throws(EngineError) {
        guard on.contagion else { return }
        if layout.marketOf[e] >= 0 { markets.issuerDefaulted[layout.marketOf[e]] = true }
        for k in 0..<positions.count where positions.market[k] < 0 && positions.issuer[k] == e && positions.book[k] > 0 {
            let loss = positions.book[k]
            try books.revalue(holder: positions.holder[k], issuer: e, books.chart.equity, amount: -loss, variable: "equity write-off")
            positions.book[k] = 0
            log.add(
                .loss, period: t, entity: positions.holder[k], counterparty: e, amount: loss,
                cause: .stakeWrittenOff(holder: table.names[positions.holder[k]], loss: loss, issuer: table.names[e]))
        }
    }
}
