/// Deal announcements (M1), sorted by period: each lifts the narrative of both parties' listed
/// equity by the market's reflexivity × the deal value, before any cash moves.
struct AnnouncementBook: Sendable {
    /// The deal index.
    var deal: [Int] = []
    /// The announcing parties.
    var from: [Int] = [], to: [Int] = []
    /// The period and the headline amount.
    var period: [Int] = [], amount: [Double] = []
    /// The next announcement not yet made.
    var cursor = 0

    /// The number of announcements.
    var count: Int { deal.count }

    /// Adds an announcement; call `sort()` once all are added.
    mutating func add(deal index: Int, from a: Int, to b: Int, period t: Int, amount value: Double) {
        deal.append(index)
        from.append(a)
        to.append(b)
        period.append(t)
        amount.append(value)
    }

    /// Sorts by period (stable).
    mutating func sort() {
        let order = PeriodOrder.of(period)
        deal = deal.permuted(order)
        from = from.permuted(order)
        to = to.permuted(order)
        period = period.permuted(order)
        amount = amount.permuted(order)
    }
}
