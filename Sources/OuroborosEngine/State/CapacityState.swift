/// Compute capacity by entity, carried across periods (M5): built capacity waiting in the
/// interconnection queue, ready capacity, and the part of it the grid powers.
struct CapacityState: Sendable {
    /// Capacity built and out of the queue, GW.
    var readyGW: [Double]
    /// Ready capacity the grid powers, GW.
    var energisedGW: [Double]
    /// Ready capacity without power, GW.
    var strandedGW: [Double]
    /// Built capacity in the interconnection queue: entity, GW, the period it is ready.
    var queueEntity: [Int] = [], queueGW: [Double] = [], queueReady: [Int] = []
    /// Energised capacity at the opening, GW: the grid powers at least this much.
    var openingTotal = 0.0

    /// The opening capacity of each entity, all energised.
    init(opening: [Double]) {
        readyGW = opening
        energisedGW = opening
        strandedGW = [Double](repeating: 0, count: opening.count)
    }

    /// Puts `gw` of capacity built by `e` into the queue, ready in period `ready`.
    mutating func enqueue(_ e: Int, gw: Double, ready: Int) {
        queueEntity.append(e)
        queueGW.append(gw)
        queueReady.append(ready)
    }
}
