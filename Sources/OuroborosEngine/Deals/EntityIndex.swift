/// The rows of a deal book that belong to each entity (as buyer, spender, borrower, lender), in row
/// order, so that a step visits only an entity's own rows and its sums add in the book's order.
struct EntityIndex: Sendable {
    private var rows: [[Int]] = []

    /// Records that `row` belongs to `entity`.
    mutating func add(_ row: Int, to entity: Int) {
        if entity >= rows.count { rows.append(contentsOf: repeatElement([], count: entity - rows.count + 1)) }
        rows[entity].append(row)
    }

    /// The rows of `entity`, ascending.
    subscript(entity: Int) -> [Int] { entity < rows.count ? rows[entity] : [] }
}
