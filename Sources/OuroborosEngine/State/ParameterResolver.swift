internal import OuroborosCore

/// Looks behaviour parameters up once, at setup: the entity's own `params`, then the scenario's
/// `behaviour` for its sector, then the catalogue default for the sector, then a fallback.
struct ParameterResolver: Sendable {
    let scenario: NetworkScenario
    let defaults: [String: [String: Double]]

    /// The scenario's `behaviour` values by parameter name, then by sector slot (`Sector.allCases` order).
    let overridesByName: [String: [Double?]]

    init(scenario: NetworkScenario) {
        self.scenario = scenario
        self.defaults = BehaviourCatalog.defaults
        self.overridesByName = Self.bySectorSlot(scenario.behaviour)
    }

    /// The catalogue defaults by parameter name, then by sector slot: one lookup per name instead of
    /// two per name and sector (the layout of every Monte Carlo run resolves some 45 names).
    private static let defaultsByName = bySectorSlot(BehaviourCatalog.defaults)

    /// `groups` (group → name → value) re-keyed as name → value per sector slot; groups that are not
    /// sectors (`market`) are left out: `group(_:_:fallback:)` reads them.
    private static func bySectorSlot(_ groups: [String: [String: Double]]) -> [String: [Double?]] {
        var table: [String: [Double?]] = [:]
        for (slot, sector) in Sector.allCases.enumerated() {
            guard let values = groups[sector.rawValue] else { continue }
            for (name, value) in values {
                table[name, default: [Double?](repeating: nil, count: Sector.allCases.count)][slot] = value
            }
        }
        return table
    }

    /// The value of `name` for entity `index` of `table` (engine-made entities use their sector's values).
    func value(_ name: String, entity index: Int, in table: EntityTable, fallback: Double = 0) -> Double {
        if index < scenario.entities.count, let own = scenario.entities[index].parameters[name] { return own }
        return group(table.sectors[index].rawValue, name, fallback: fallback)
    }

    /// The value of `name` for every entity of `table`, in entity order: `value(_:entity:in:fallback:)`
    /// for each, with each sector's value looked up once.
    func values(_ name: String, in table: EntityTable, fallback: Double = 0) -> [Double] {
        let overrides = overridesByName[name]
        let defaults = Self.defaultsByName[name]
        var result = [Double](repeating: 0, count: table.count)
        let entities = scenario.entities
        for index in 0..<table.count {
            if index < entities.count, !entities[index].parameters.isEmpty, let own = entities[index].parameters[name] {
                result[index] = own
                continue
            }
            let slot = table.sectorSlot[index]
            result[index] = overrides?[slot] ?? defaults?[slot] ?? fallback
        }
        return result
    }

    /// The value of `name` in group `group` (a sector id or `market`).
    func group(_ group: String, _ name: String, fallback: Double = 0) -> Double {
        scenario.behaviour[group]?[name] ?? defaults[group]?[name] ?? fallback
    }
}
