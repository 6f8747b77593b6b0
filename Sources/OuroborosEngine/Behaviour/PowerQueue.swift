/// Physical limits on capacity (M5): built GW wait `queue_months` in the interconnection queue,
/// then run only as far as grid power allows: `max(available_gw, opening capacity) + additions ×
/// years`, scaled by power shocks. When ready capacity exceeds power, every cloud gets the same
/// share and the rest is stranded. With M5 off, capacity is energised as soon as it is built.
extension Simulator {
    /// Moves queued GW that are ready into capacity and energises what power allows.
    mutating func energiseCapacity() {
        var k = 0
        while k < queueEntity.count {
            if queueReady[k] <= t {
                readyGW[queueEntity[k]] += queueGW[k]
                queueEntity.swapAt(k, queueEntity.count - 1)
                queueEntity.removeLast()
                queueGW.swapAt(k, queueGW.count - 1)
                queueGW.removeLast()
                queueReady.swapAt(k, queueReady.count - 1)
                queueReady.removeLast()
            } else {
                k += 1
            }
        }
        var total = 0.0
        for e in 0..<table.count where alive(e) { total += readyGW[e] }
        let power =
            on.physical
            ? (max(mp.availableGW, openingCapacityTotal) + mp.additionsGWPerYear * Double(t) * dt) * layout.shocks.powerFactor[t]
            : Double.infinity
        let share = total > power ? max(0, power) / total : 1
        for e in 0..<table.count {
            guard alive(e), readyGW[e] > 0 else {
                energisedGW[e] = alive(e) ? readyGW[e] : 0
                continue
            }
            let before = energisedGW[e]
            let strandedBefore = strandedGW[e]
            energisedGW[e] = readyGW[e] * share
            strandedGW[e] = readyGW[e] - energisedGW[e]
            if energisedGW[e] > before + 1e-9 {
                log.add(
                    .capacityEnergised, period: t, entity: e, amount: energisedGW[e] - before,
                    cause:
                        "\(table.names[e]) energised \(MoneyText.decimal(energisedGW[e] - before, places: 2)) GW (now \(MoneyText.decimal(energisedGW[e], places: 2)) GW)"
                )
            }
            if strandedGW[e] > strandedBefore + 1e-9 {
                log.add(
                    .capacityStranded, period: t, entity: e, amount: strandedGW[e] - strandedBefore,
                    cause:
                        "\(table.names[e]) has \(MoneyText.decimal(strandedGW[e], places: 2)) GW built but unpowered: grid power \(MoneyText.decimal(power, places: 1)) GW for \(MoneyText.decimal(total, places: 1)) GW ready"
                )
            }
        }
    }
}
