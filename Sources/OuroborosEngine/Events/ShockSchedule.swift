/// The shocks of a run laid out per period (index 0 … T), so the loop reads arrays, not lists.
struct ShockSchedule: Sendable {
    /// Cumulative policy-rate shift.
    var rateShift: [Double]
    /// Cumulative free-liquidity change, USD (negative: contraction).
    var liquidityShift: [Double]
    /// End-user demand multiplier.
    var demandFactor: [Double]
    /// Power-available multiplier.
    var powerFactor: [Double]
    /// Whether bond and private-credit markets are frozen.
    var creditFrozen: [Bool]
    /// Whether chip deliveries are stopped.
    var chipsStopped: [Bool]
    /// Crypto price multiplier applied in that period (1 = none).
    var cryptoHit: [Double]
    /// Sentiment multiplier applied in that period (1 = none).
    var sentimentHit: [Double]
    /// Forced defaults: period and entity.
    var defaults: [(period: Int, entity: Int)]
    /// The shocks by period, for events.
    var byPeriod: [[NetworkShock]]

    /// Lays out `shocks` over `periods` periods of `monthsPerStep` months.
    init(shocks: [NetworkShock], periods: Int, monthsPerStep: Int, table: EntityTable) throws(EngineSetupError) {
        let n = periods + 1
        rateShift = Array(repeating: 0, count: n)
        liquidityShift = rateShift
        demandFactor = Array(repeating: 1, count: n)
        powerFactor = demandFactor
        cryptoHit = demandFactor
        sentimentHit = demandFactor
        creditFrozen = Array(repeating: false, count: n)
        chipsStopped = creditFrozen
        defaults = []
        byPeriod = Array(repeating: [], count: n)
        for shock in shocks {
            let start = max(1, shock.period)
            guard start <= periods else { continue }
            byPeriod[start].append(shock)
            switch shock.kind {
            case .rate: for t in start..<n { rateShift[t] += shock.size }
            case .liquidity: for t in start..<n { liquidityShift[t] += shock.size }
            case .demand: for t in start..<n { demandFactor[t] *= max(0, 1 + shock.size) }
            case .power: for t in start..<n { powerFactor[t] *= max(0, 1 + shock.size) }
            case .credit: for t in start..<n { creditFrozen[t] = true }
            case .chips:
                let steps = max(1, Int((shock.size / Double(monthsPerStep)).rounded(.up)))
                for t in start..<min(n, start + steps) { chipsStopped[t] = true }
            case .crypto: cryptoHit[start] *= max(0.0001, 1 + shock.size)
            case .sentiment: sentimentHit[start] *= max(0.0001, 1 + shock.size)
            case .default:
                guard let id = shock.target else { throw .unknownShockTarget(shock: shock.text, id: "") }
                guard let entity = table.index(of: id) else { throw .unknownShockTarget(shock: shock.text, id: id) }
                defaults.append((start, entity))
            }
        }
    }
}
