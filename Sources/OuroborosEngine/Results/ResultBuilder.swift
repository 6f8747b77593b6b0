internal import OuroborosCore

/// Assembles the public `NetworkRunResult` from a finished run.
extension Simulator {
    /// How many periods after the first failure still count as its chain.
    static let chainWindow = 6
    /// The most events a chain lists.
    static let chainLimit = 12

    /// The result of the run.
    func result() -> NetworkRunResult {
        let entities = (0..<table.scenarioCount).map { e in
            EntityRun(
                id: table.ids[e], name: table.names[e], sector: table.sectors[e],
                cash: recorder.series(recorder.cash, e), revenue: recorder.series(recorder.revenue, e),
                debt: recorder.series(recorder.debt, e), marketValue: recorder.series(recorder.marketValue, e),
                backlog: recorder.series(recorder.backlog, e), capacityGW: recorder.series(recorder.capacity, e),
                strandedGW: recorder.series(recorder.stranded, e), capex: recorder.series(recorder.capex, e),
                newDebt: recorder.series(recorder.newDebt, e), interest: recorder.series(recorder.interest, e),
                operatingCashFlow: recorder.series(recorder.cashFlow, e), creditSpread: recorder.series(recorder.creditSpread, e),
                revenueOrigin: tracing ? tracer.origin(of: e) : RevenueOrigin(),
                defaultPeriod: firms.defaultPeriod[e] >= 0 ? firms.defaultPeriod[e] : nil)
        }
        let marketRuns = (0..<markets.count).map { m in
            MarketRun(
                id: markets.ids[m], kind: markets.kind[m], price: recorder.marketSeries(recorder.price, m),
                forcedSales: recorder.marketSeries(recorder.sales, m), impact: recorder.marketSeries(recorder.impact, m))
        }
        let macro = MacroRun(
            policyRate: recorder.policyRate, liquidity: recorder.liquidity, sentiment: recorder.sentiment,
            riskPremium: recorder.premium, aiEquityIndex: recorder.index)
        return NetworkRunResult(
            scenarioName: layout.scenario.name, periodLabels: layout.labels, entities: entities,
            markets: marketRuns, events: log.events, capitalCycles: layout.graph.cycles, macro: macro,
            maxRelativeImbalance: recorder.maxImbalance, summary: summary(), seed: seed)
    }

    /// Whether and where the loop broke, the chain that followed, and the weakest link.
    func summary() -> LoopSummary {
        let events = log.events
        let first = log.breakIndex ?? events.firstIndex { $0.type.isFailure }
        var chain: [EngineEvent] = []
        if let first {
            let horizon = events[first].period + Self.chainWindow
            for event in events[(first + 1)...] where event.type.isFailure && event.period <= horizon {
                chain.append(event)
                if chain.count == Self.chainLimit { break }
            }
        }
        let broke = log.breakIndex != nil
        let period = broke ? events[log.breakIndex!].period : nil
        return LoopSummary(
            broke: broke, breakPeriod: period, breakLabel: period.map { layout.labels[$0] },
            firstFailure: first.map { events[$0] }, chain: chain, weakestLink: weakestLink())
    }

    /// The cycle edge whose payer had the shortest runway over the run (or the edge that broke).
    func weakestLink() -> String {
        if let index = log.breakIndex {
            let event = log.events[index]
            let edge = event.counterparty.map { "\(event.entity) ↔ \($0)" } ?? event.entity
            return "\(edge): broke in \(event.label) (\(event.type.rawValue)): \(event.cause)"
        }
        let edges = layout.graph.cycleEdges
        guard !edges.isEmpty else { return "no capital cycle among the deals" }
        var best = edges[0]
        for edge in edges.dropFirst() where firms.runwayMin[edge.from] < firms.runwayMin[best.from] { best = edge }
        let deal = layout.scenario.deals[best.deal]
        let runway = firms.runwayMin[best.from]
        let margin =
            runway.isFinite
            ? "\(table.names[best.from])'s runway fell to \(DecimalText.fixed(runway, decimals: 1)) months in \(layout.labels[firms.runwayMinPeriod[best.from]])"
            : "\(table.names[best.from]) never paid out more than it had"
        return "\(table.ids[best.from]) → \(table.ids[best.to]) (\(deal.kind.rawValue) \(deal.id)): \(margin)"
    }
}
