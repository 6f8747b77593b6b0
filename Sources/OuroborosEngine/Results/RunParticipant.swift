public import OuroborosCore

/// An entity in the books of a run: the scenario's entities, then those the engine adds when a
/// role is missing (households, banks, the central bank, bond investors, other listed firms).
public struct RunParticipant: Sendable, Hashable {
    /// The id, e.g. `openai` or the engine's `bond_investors`.
    public var id: String
    /// The display name (unique within the run).
    public var name: String
    /// The sector.
    public var sector: Sector
    /// False for entities the engine added.
    public var isScenarioEntity: Bool

    /// Creates a participant record.
    public init(id: String, name: String, sector: Sector, isScenarioEntity: Bool) {
        self.id = id
        self.name = name
        self.sector = sector
        self.isScenarioEntity = isScenarioEntity
    }
}
