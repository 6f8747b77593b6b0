/// Scripted withdrawals of deals, sorted by period: from each date the parties drop a share of what
/// is left of the deal (a letter of intent that stalls, an expansion called off, a project paused).
struct WithdrawalBook: Sendable {
    /// The deal index.
    var deal: [Int] = []
    /// The period it takes effect and the share of the rest dropped.
    var period: [Int] = [], share: [Double] = []
    /// The next withdrawal not yet made.
    var cursor = 0

    /// The number of withdrawals.
    var count: Int { deal.count }

    /// Adds a withdrawal; call `sort()` once all are added.
    mutating func add(deal index: Int, period t: Int, share s: Double) {
        deal.append(index)
        period.append(t)
        share.append(s)
    }

    /// Sorts by period (stable).
    mutating func sort() {
        let order = PeriodOrder.of(period)
        deal = deal.permuted(order)
        period = period.permuted(order)
        share = share.permuted(order)
    }
}
