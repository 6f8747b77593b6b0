/// The events of a run in order, and the first one that broke the loop.
///
/// A default of an entity on a capital cycle breaks the loop, as does a cancelled or failed compute
/// contract, chip order or equity tranche between two members of the same strongly connected component.
struct EventLog: Sendable {
    let labels: [String]
    let ids: [String]
    let graph: DealGraph
    /// The events so far.
    var events: [EngineEvent] = []
    /// The index in `events` of the event that broke the loop.
    var breakIndex: Int?

    init(labels: [String], ids: [String], graph: DealGraph) {
        self.labels = labels
        self.ids = ids
        self.graph = graph
        events.reserveCapacity(2048)
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
        guard breakIndex == nil else { return }
        if type == .default, graph.component[entity] >= 0 {
            breakIndex = events.count - 1
        } else if type == .contractCancelled || type == .failedRound, let link, graph.sameCycle(link.from, link.to) {
            breakIndex = events.count - 1
        }
    }
}
