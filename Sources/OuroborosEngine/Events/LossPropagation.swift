internal import OuroborosCore
internal import OuroborosNetwork

/// Step 10b, losses through DebtRank (M11): in a period in which lenders or investors wrote off
/// losses, those losses travel on through the exposure network with the DebtRank kernel
/// (`OuroborosNetwork/DebtRank`, Battiston et al. 2012, original variant), to the creditors and
/// shareholders of the lenders that took them, and on to theirs.
///
/// The network: an edge holder → issuer for every debt position (principal) and every equity stake
/// (listed at market value, private at book value) still on the books; deposits are left out. Each
/// entity's equity is its book equity (net worth before the shares it issued) before this period's
/// losses, and its initial distress the share of that equity the period's write-offs took (1 for a
/// defaulter of this period). An entity with no positive book equity is left out (distress 0). The
/// final distress h ∈ [0, 1] is then priced: a listed firm's price is multiplied by
/// `1 − debtrank_price_share × h` from the next repricing on (a factor that persists), and private
/// stakes in a distressed firm are marked down by the same share of their book value (a loss event).
/// Claims on a distressed lender stay at face value: its creditors' distress is reported (an event
/// for each firm whose distress rose by a point or more beyond its own write-offs), not booked.
/// Cheap: it runs only in periods with losses. With M11 off there are no write-offs and so nothing to pass on.
extension Simulator {
    /// Propagates this period's write-offs, if any.
    mutating func propagateLosses() throws(EngineError) {
        guard log.lossesThisPeriod else { return }
        defer { log.clearPeriodLosses() }
        guard on.contagion else { return }
        let n = table.count
        var equity = [Double](repeating: .greatestFiniteMagnitude, count: n)
        var shock = [Double](repeating: 0, count: n)
        for e in 0..<n {
            if firms.defaulted[e] {
                if firms.defaultPeriod[e] == t { shock[e] = 1 }
                continue
            }
            let loss = max(0, log.periodLoss[e])
            let before = bookEquity(e) + loss
            guard before > 0 else { continue }
            equity[e] = before
            shock[e] = min(1, loss / before)
        }
        guard shock.contains(where: { $0 > 0 }) else { return }
        var edges: [WeightedEdge] = []
        edges.reserveCapacity(deals.debt.count + positions.count)
        for d in 0..<deals.debt.count where deals.debt.state[d] == .active && deals.debt.principal[d] > 0 {
            let lender = deals.debt.lender[d]
            let borrower = deals.debt.borrower[d]
            if lender != borrower { edges.append(WeightedEdge(lender, borrower, deals.debt.principal[d])) }
        }
        for k in 0..<positions.count where positions.book[k] > 0 && positions.issuer[k] >= 0 && positions.issuer[k] != positions.holder[k] {
            edges.append(WeightedEdge(positions.holder[k], positions.issuer[k], positions.book[k]))
        }
        let distress: [Double]
        do {
            let graph = try CSRGraph(nodeCount: n, edges: edges)
            distress = try DebtRank.compute(exposures: graph, equity: equity, initialDistress: shock, variant: .original).distress
        } catch {
            throw .nonFinite(period: t, entity: "DebtRank", variable: "distress (\(error))")
        }
        let share = mp.debtRankPriceShare
        for m in 0..<markets.count where markets.kind[m] == .equity {
            let i = markets.issuer[m]
            guard i >= 0, alive(i), distress[i] > 0 else { continue }
            markets.distressFactor[m] *= max(0, 1 - share * distress[i])
        }
        for k in 0..<positions.count where positions.market[k] < 0 && positions.book[k] > 0 {
            let issuer = positions.issuer[k]
            let holder = positions.holder[k]
            guard issuer >= 0, alive(issuer), alive(holder), distress[issuer] > 0 else { continue }
            let loss = positions.book[k] * min(1, share * distress[issuer])
            guard loss > 1e-6 else { continue }
            try books.revalue(holder: holder, issuer: issuer, books.chart.equity, amount: -loss, variable: "DebtRank mark-down")
            positions.book[k] -= loss
            log.add(
                .loss, period: t, entity: holder, counterparty: issuer, amount: loss,
                cause: .stakeMarkedDown(holder: table.names[holder], loss: loss, issuer: table.names[issuer], distress: distress[issuer]))
        }
        for e in 0..<n where alive(e) && table.roles[e].isNetworkFirm && distress[e] - shock[e] >= 0.01 && equity[e] < .greatestFiniteMagnitude {
            let induced = distress[e] - shock[e]
            log.add(
                .loss, period: t, entity: e, amount: induced * equity[e],
                cause: .distressPropagated(entity: table.names[e], distress: distress[e], induced: induced, equityLoss: induced * equity[e]))
        }
    }

    /// Book equity of `e`: its net worth before the shares it issued (a fund's NAV, a firm's book equity).
    @inline(__always) func bookEquity(_ e: Int) -> Double {
        books.ledger.netWorth(of: EntityID(e)) - min(0, books.holding(e, books.chart.equity))
    }
}
