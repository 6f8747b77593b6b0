/// The events of a run in order, and the first one that broke the loop.
///
/// A default of an entity on a capital cycle breaks the loop, as does a cancelled or failed compute
/// contract, chip order or equity tranche between two members of the same strongly connected component.
///
/// The log also counts what the period loop reads back from the events: the strain events
/// (`EngineEvent.Kind.isStrain`: cancellations and missed payments) of entities on a capital cycle
/// since sentiment last moved (M11), and the losses each entity wrote off this period (the shock
/// DebtRank propagates, M11).
struct EventLog: Sendable {
    let labels: [String]
    let ids: [String]
    let graph: DealGraph
    /// The events so far.
    var events: [EngineEvent] = []
    /// The index in `events` of the event that broke the loop.
    var breakIndex: Int?
    /// Strain events on the capital cycles since the last sentiment update (reset by `updateSentiment`).
    var strainSinceUpdate = 0
    /// Losses (`.loss` events) each entity took this period, and whether there were any (reset by `propagateLosses`).
    var periodLoss: [Double]
    var lossesThisPeriod = false

    init(labels: [String], ids: [String], graph: DealGraph) {
        self.labels = labels
        self.ids = ids
        self.graph = graph
        periodLoss = [Double](repeating: 0, count: ids.count)
        events.reserveCapacity(2048)
    }

    /// Zeroes this period's losses.
    mutating func clearPeriodLosses() {
        for e in periodLoss.indices { periodLoss[e] = 0 }
        lossesThisPeriod = false
    }

    /// Records an event in period `t`; `link` is the (payer, payee) of a cycle-relevant deal that failed.
    mutating func add(
        _ type: EngineEvent.Kind, period t: Int, entity: Int, counterparty: Int? = nil, deal: String? = nil,
        amount: Double, cause: EventCause, link: (from: Int, to: Int)? = nil
    ) {
        let event = EngineEvent(
            period: t, label: labels[min(t, labels.count - 1)], entity: ids[entity],
            counterparty: counterparty.map { ids[$0] }, deal: deal, type: type,
            amount: amount.isFinite ? amount : 0, reason: cause)
        events.append(event)
        if type.isStrain, graph.component[entity] >= 0 || link.map({ graph.sameCycle($0.from, $0.to) }) == true {
            strainSinceUpdate += 1
        }
        if type == .loss, amount > 0, amount.isFinite {
            periodLoss[entity] += amount
            lossesThisPeriod = true
        }
        guard breakIndex == nil else { return }
        if type == .default, graph.component[entity] >= 0 {
            breakIndex = events.count - 1
        } else if type == .contractCancelled || type == .failedRound, let link, graph.sameCycle(link.from, link.to) {
            breakIndex = events.count - 1
        }
    }
}
