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

    /// The value of `name` in group `group` (a sector id or `market`).
    func group(_ group: String, _ name: String, fallback: Double = 0) -> Double {
        scenario.behaviour[group]?[name] ?? defaults[group]?[name] ?? fallback
    }
}
