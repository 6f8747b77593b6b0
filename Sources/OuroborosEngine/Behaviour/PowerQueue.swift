/// Physical limits on capacity (M5): built GW wait `queue_months` in the interconnection queue,
/// then run only as far as grid power allows: `max(available_gw, opening capacity) + additions ×
/// years`, scaled by power shocks. When ready capacity exceeds power, every cloud gets the same
/// share and the rest is stranded. With M5 off, capacity is energised as soon as it is built.
extension Simulator {
    /// Moves queued GW that are ready into capacity and energises what power allows.
    mutating func energiseCapacity() {
        var k = 0
        while k < capacity.queueEntity.count {
            if capacity.queueReady[k] <= t {
                capacity.readyGW[capacity.queueEntity[k]] += capacity.queueGW[k]
                capacity.queueEntity.swapAt(k, capacity.queueEntity.count - 1)
                capacity.queueEntity.removeLast()
                capacity.queueGW.swapAt(k, capacity.queueGW.count - 1)
                capacity.queueGW.removeLast()
                capacity.queueReady.swapAt(k, capacity.queueReady.count - 1)
                capacity.queueReady.removeLast()
            } else {
                k += 1
            }
        }
        var total = 0.0
        for e in 0..<table.count where alive(e) { total += capacity.readyGW[e] }
        let power =
            on.physical
            ? (max(mp.availableGW, capacity.openingTotal) + mp.additionsGWPerYear * Double(t) * dt) * layout.shocks.powerFactor[t]
            : Double.infinity
        let share = total > power ? max(0, power) / total : 1
        for e in 0..<table.count {
            guard alive(e), capacity.readyGW[e] > 0 else {
                capacity.energisedGW[e] = alive(e) ? capacity.readyGW[e] : 0
                continue
            }
            let before = capacity.energisedGW[e]
            let strandedBefore = capacity.strandedGW[e]
            capacity.energisedGW[e] = capacity.readyGW[e] * share
            capacity.strandedGW[e] = capacity.readyGW[e] - capacity.energisedGW[e]
            if capacity.energisedGW[e] > before + 1e-9 {
                log.add(
                    .capacityEnergised, period: t, entity: e, amount: capacity.energisedGW[e] - before,
                    cause: .capacityEnergised(entity: table.names[e], added: capacity.energisedGW[e] - before, now: capacity.energisedGW[e]))
            }
            if capacity.strandedGW[e] > strandedBefore + 1e-9 {
                log.add(
                    .capacityStranded, period: t, entity: e, amount: capacity.strandedGW[e] - strandedBefore,
                    cause: .capacityStranded(entity: table.names[e], stranded: capacity.strandedGW[e], gridPower: power, ready: total))
            }
        }
    }
}
