/// Who holds what (M10, M11): listed positions (units marked to market) and private stakes (at
/// transaction value), structure of arrays. `book` always equals the ledger value of the position.
struct PositionBook: Sendable {
    /// The market (-1 for a private stake).
    var market: [Int] = []
    /// The issuing entity (-1 for crypto).
    var issuer: [Int] = []
    /// The holder.
    var holder: [Int] = []
    /// Units held (listed) or 0 (private).
    var units: [Double] = []
    /// Value in the ledger.
    var book: [Double] = []

    /// The number of positions.
    var count: Int { market.count }

    /// The position of `holder` in `market` (listed), creating it when absent.
    mutating func listed(market m: Int, issuer i: Int, holder h: Int) -> Int {
        if let found = market.indices.first(where: { market[$0] == m && holder[$0] == h }) { return found }
        market.append(m)
        issuer.append(i)
        holder.append(h)
        units.append(0)
        book.append(0)
        return market.count - 1
    }

    /// The private stake of `holder` in `issuer`, creating it when absent.
    mutating func privateStake(issuer i: Int, holder h: Int) -> Int {
        if let found = market.indices.first(where: { market[$0] < 0 && issuer[$0] == i && holder[$0] == h }) { return found }
        market.append(-1)
        issuer.append(i)
        holder.append(h)
        units.append(0)
        book.append(0)
        return market.count - 1
    }
}
