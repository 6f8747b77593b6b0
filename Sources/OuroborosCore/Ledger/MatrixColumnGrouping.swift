/// How a ledger's entities become matrix columns.
public enum MatrixColumnGrouping: Sendable, Hashable {
    /// One column per sector, entities summed, sectors in order of their first entity.
    case bySector
    /// One column per entity, in ledger order, headed by the entity's name.
    case byEntity
}
