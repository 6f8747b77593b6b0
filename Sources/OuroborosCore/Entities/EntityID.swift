/// A dense index of an entity in a ledger: `0..<entityCount`, used to address flat state arrays.
public struct EntityID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The position of the entity in its ledger's entity list.
    public let index: Int

    /// The entity at position `index`.
    public init(_ index: Int) {
        self.index = index
    }

    /// Orders by index.
    public static func < (lhs: EntityID, rhs: EntityID) -> Bool { lhs.index < rhs.index }

    /// `entity#INDEX`.
    public var description: String { "entity#\(index)" }
}
