public import OuroborosEngine

/// A short hash of everything in a scenario that changes a run (calendar, entities, markets, deals,
/// behaviour, macro paths, shocks, switches, uncertain entries) and nothing that does not (where
/// the file is), so that shards of one experiment computed on different machines can be matched.
public enum ScenarioFingerprint {
    /// 16 hex digits of FNV-1a over a canonical text of `scenario`.
    public static func of(_ scenario: NetworkScenario) -> String {
        // The calendar keeps the text it had when it was its own type, so that fingerprints (and the
        // shard files that carry them) stay the same across versions.
        let calendar = scenario.calendar
        let clock =
            "ScenarioCalendar(startYear: \(calendar.start.year), startMonth: \(calendar.start.month), "
            + "monthsPerStep: \(calendar.monthsPerStep), periods: \(calendar.periods))"
        var text = "\(scenario.name)|\(clock)|\(scenario.seed)\n"
        for e in scenario.entities {
            text += "E \(e.id) \(e.sector.rawValue) \(e.cash) \(e.bonds) \(e.bankLoans) \(e.privateCredit) \(e.fixedCapital) "
            text += "\(e.capacityGW) \(e.privateValuation) \(e.parameters.sorted { $0.key < $1.key })\n"
        }
        for m in scenario.markets {
            text += "M \(m.id) \(m.kind.rawValue) \(m.issuer ?? "") \(m.units) \(m.price) \(m.duration) \(m.reflexivity) "
            text += "\(m.depth) \(m.liquidityBeta) \(m.holders.map { "\($0.entity)=\($0.units)" })\n"
        }
        for d in scenario.deals {
            text += "D \(d.id) \(d.kind.rawValue) \(d.from) \(d.to) \(d.amount) \(d.announced) \(d.signed) "
            text += "\(d.tranches.map { "\($0.period):\($0.amount):\($0.conditionGW ?? -1)" }) \(d.gigawatts ?? -1) "
            text += "\(d.unitPrice ?? -1) \(d.deliveryLag) \(d.rate ?? -1) \(d.maturity ?? -1) \(d.market ?? "") "
            text += "\(d.pledgedUnits ?? -1) \(d.marginCallLTV ?? -1) \(d.targetLTV ?? -1)\n"
        }
        for (group, values) in scenario.behaviour.sorted(by: { $0.key < $1.key }) {
            text += "B \(group) \(values.sorted { $0.key < $1.key })\n"
        }
        text += "P \(scenario.macro.policyRate) \(scenario.macro.liquidity) \(scenario.macro.reserveRatio) \(scenario.macro.capitalRatio)\n"
        for s in scenario.shocks { text += "S \(s.kind.rawValue) \(s.size) \(s.target ?? "") \(s.period)\n" }
        text += "X \(scenario.disabledMechanisms.map(\.rawValue).sorted())\n"
        for u in scenario.uncertain { text += "U \(u.path) \(u.distribution)\n" }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
