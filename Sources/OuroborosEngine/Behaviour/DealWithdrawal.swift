/// Scripted withdrawals (the record's stalled letters of intent, cancelled expansions, paused
/// projects): from the withdrawal's date the parties drop its share of what is left of the deal —
/// pending equity tranches, scheduled debt draws, undelivered chips, the unrecognised rest of a
/// compute contract (the seller's backlog falls with it), capex-plan and warrant rows not yet due.
/// It is agreed, not a failure: a `dealWithdrawn` event that never breaks the loop. Its news moves
/// prices the way the announcement did, with the opposite sign (M1): both parties' narratives fall
/// by reflexivity × the amount dropped.
extension Simulator {
    /// Makes the withdrawals dated up to this period.
    mutating func withdrawDeals() {
        var w = deals.withdrawals.cursor
        while w < deals.withdrawals.count, deals.withdrawals.period[w] <= t {
            withdraw(deal: deals.withdrawals.deal[w], share: deals.withdrawals.share[w])
            w += 1
        }
        deals.withdrawals.cursor = w
    }

    /// Drops `share` of what is left of deal `index`; records the amount dropped.
    private mutating func withdraw(deal index: Int, share: Double) {
        let keep = 1 - share
        var dropped = 0.0
        for k in 0..<deals.equity.count where deals.equity.deal[k] == index && deals.equity.state[k] == .pending {
            dropped += deals.equity.amount[k] * share
            deals.equity.amount[k] *= keep
            if keep <= 0 { deals.equity.state[k] = .cancelled }
        }
        for k in deals.debt.drawCursor..<deals.debt.drawPosition.count where deals.debt.deal[deals.debt.drawPosition[k]] == index {
            dropped += deals.debt.drawAmount[k] * share
            deals.debt.drawAmount[k] *= keep
        }
        for o in 0..<deals.orders.count where deals.orders.deal[o] == index {
            let state = deals.orders.state[o]
            guard state == .pending || state == .active else { continue }
            let cut = deals.orders.value(o) * share
            dropped += cut
            if state == .active { firms.backlog[deals.orders.seller[o]] -= cut }
            deals.orders.units[o] *= keep
            if keep <= 0 { deals.orders.state[o] = .cancelled }
        }
        for c in 0..<deals.contracts.count where deals.contracts.deal[c] == index {
            let state = deals.contracts.state[c]
            guard state == .pending || state == .active else { continue }
            let cut = max(0, deals.contracts.remaining[c]) * share
            dropped += cut
            if state == .active, on.takeOrPay { firms.backlog[deals.contracts.seller[c]] -= cut }
            deals.contracts.scaleRest(c, by: keep)
            if keep <= 0 { deals.contracts.state[c] = .cancelled }
        }
        for k in 0..<deals.capexPlans.count where deals.capexPlans.deal[k] == index && deals.capexPlans.state[k] == .pending {
            dropped += deals.capexPlans.amount[k] * share
            deals.capexPlans.amount[k] *= keep
            if keep <= 0 { deals.capexPlans.state[k] = .cancelled }
        }
        for k in 0..<deals.warrants.count where deals.warrants.deal[k] == index && deals.warrants.state[k] == .pending {
            dropped += deals.warrants.amount[k] * share
            deals.warrants.amount[k] *= keep
            if keep <= 0 { deals.warrants.state[k] = .cancelled }
        }
        for b in 0..<deals.backstops.count where deals.backstops.deal[b] == index {
            dropped += deals.backstops.scaleRest(b, by: keep)
            if keep <= 0 { deals.backstops.state[b] = .cancelled }
        }
        let spec = layout.scenario.deals[index]
        guard let from = table.index(of: spec.from) else { return }
        let to = table.index(of: spec.to) ?? table.households
        if DealCompiler.isAnnounced(spec.kind), dropped > 0 {
            if layout.marketOf[from] >= 0 { markets.announced[layout.marketOf[from]] -= dropped }
            if layout.marketOf[to] >= 0 { markets.announced[layout.marketOf[to]] -= dropped }
        }
        let id = layout.dealIDs[index]
        log.add(
            .dealWithdrawn, period: t, entity: from, counterparty: to, deal: id, amount: dropped,
            cause: .dealWithdrawn(
                deal: id, from: table.names[from], to: table.names[to], share: share, dropped: dropped, note: spec.withdrawal?.note ?? ""))
    }
}

extension ComputeContractBook {
    /// Scales what is left of contract `c` — the amounts not yet due, the carried amount and the
    /// remaining total — by `factor`.
    mutating func scaleRest(_ c: Int, by factor: Double) {
        for k in cursor[c]..<scheduleStart[c + 1] { scheduleAmount[k] *= factor }
        carried[c] *= factor
        remaining[c] = max(0, remaining[c]) * factor
    }
}

extension BackstopBook {
    /// Scales the scheduled amounts of backstop `b` not yet reached by `factor`; returns the amount taken off.
    mutating func scaleRest(_ b: Int, by factor: Double) -> Double {
        var cut = 0.0
        for k in cursor[b]..<start[b + 1] {
            cut += scheduleAmount[k] * (1 - factor)
            scheduleAmount[k] *= factor
        }
        return cut
    }
}
