/// An economic agent with a balance sheet: a firm, a fund, a bank, a household sector.
public struct Entity: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The dense index of the entity.
    public let id: EntityID
    /// The name shown in per-entity matrices and errors (`OpenAI`, `Households`).
    public var name: String
    /// The sector whose column the entity is aggregated into.
    public var sector: Sector

    /// Creates an entity.
    public init(id: EntityID, name: String, sector: Sector) {
        self.id = id
        self.name = name
        self.sector = sector
    }

    /// Entities numbered in order (`EntityID(0)`, `EntityID(1)`, …) from names and sectors.
    public static func numbered(_ specs: [(name: String, sector: Sector)]) -> [Entity] {
        specs.enumerated().map { Entity(id: EntityID($0.offset), name: $0.element.name, sector: $0.element.sector) }
    }

    /// The entity as named in errors: `Model labs: OpenAI`, or just `Households` when the name is the sector's.
    public var qualifiedName: String {
        name == sector.displayName ? name : "\(sector.displayName): \(name)"
    }

    /// The entity's name.
    public var description: String { name }
}
