internal import OuroborosCore

/// Looks behaviour parameters up once, at setup: the entity's own `params`, then the scenario's
/// `behaviour` for its sector, then the catalogue default for the sector, then a fallback.
struct ParameterResolver: Sendable {
    let scenario: NetworkScenario
    let defaults: [String: [String: Double]]

    init(scenario: NetworkScenario) {
        self.scenario = scenario
        self.defaults = BehaviourCatalog.defaults
    }

    /// The value of `name` for entity `index` of `table` (engine-made entities use their sector's values).
    func value(_ name: String, entity index: Int, in table: EntityTable, fallback: Double = 0) -> Double {
        if index < scenario.entities.count, let own = scenario.entities[index].parameters[name] { return own }
        return group(table.sectors[index].rawValue, name, fallback: fallback)
    }

    /// The value of `name` for every entity of `table`, in entity order: `value(_:entity:in:fallback:)`
    /// for each, with each sector's value looked up once.
    func values(_ name: String, in table: EntityTable, fallback: Double = 0) -> [Double] {
        var bySector = [Double?](repeating: nil, count: Sector.allCases.count)
        var result = [Double](repeating: 0, count: table.count)
        let entities = scenario.entities
        for index in 0..<table.count {
            if index < entities.count, !entities[index].parameters.isEmpty, let own = entities[index].parameters[name] {
                result[index] = own
                continue
            }
            let sector = table.sectors[index]
            let slot = table.sectorSlot[index]
            if let known = bySector[slot] {
                result[index] = known
            } else {
                let value = group(sector.rawValue, name, fallback: fallback)
                bySector[slot] = value
                result[index] = value
            }
        }
        return result
    }

    /// The value of `name` in group `group` (a sector id or `market`).
    func group(_ group: String, _ name: String, fallback: Double = 0) -> Double {
        scenario.behaviour[group]?[name] ?? defaults[group]?[name] ?? fallback
    }
}
