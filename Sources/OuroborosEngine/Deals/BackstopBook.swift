/// Capacity backstops: a vendor buys a cloud's unsold energised capacity, up to the amount
/// scheduled so far (unused allowance carries forward) and the deal total.
struct BackstopBook: Sendable {
    /// The deal index.
    var deal: [Int] = []
    /// The vendor (payer) and the cloud (payee).
    var vendor: [Int] = [], cloud: [Int] = []
    /// The allowance schedule: backstop `b` owns `schedule[start[b]..<start[b + 1]]`.
    var start: [Int] = [0]
    var schedulePeriod: [Int] = [], scheduleAmount: [Double] = []
    /// Next schedule entry, allowance accrued and not yet used.
    var cursor: [Int] = [], allowance: [Double] = []
    /// State.
    var state: [DealState] = []

    /// The number of backstops.
    var count: Int { deal.count }

    /// Adds a backstop with its schedule.
    mutating func add(deal index: Int, vendor v: Int, cloud c: Int, schedule: [ScheduledAmount]) {
        deal.append(index)
        vendor.append(v)
        cloud.append(c)
        for entry in schedule.sorted(by: { $0.period < $1.period }) {
            schedulePeriod.append(entry.period)
            scheduleAmount.append(entry.amount)
        }
        start.append(schedulePeriod.count)
        cursor.append(start[start.count - 2])
        allowance.append(0)
        state.append(.pending)
    }

    /// Accrues the allowance scheduled up to period `t`.
    mutating func accrue(_ b: Int, at t: Int) {
        var k = cursor[b]
        while k < start[b + 1], schedulePeriod[k] <= t {
            allowance[b] += scheduleAmount[k]
            k += 1
        }
        cursor[b] = k
    }
}
