/// The stable order that sorts a deal book's rows by period: rows of the same period keep the
/// order they were added in (announcements, scheduled draws and withdrawals are all kept this way).
enum PeriodOrder {
    /// The row indices of `period` in ascending period, ties by index.
    static func of(_ period: [Int]) -> [Int] {
        period.indices.sorted { (period[$0], $0) < (period[$1], $1) }
    }
}

extension Array {
    /// The elements in `order` (a permutation of the indices).
    func permuted(_ order: [Int]) -> [Element] { order.map { self[$0] } }
}
