/// Take-or-pay compute contracts (M3), structure of arrays indexed by contract.
///
/// The seller books the whole amount as backlog (remaining performance obligations) at signing.
/// Each period the scheduled amount plus any amount carried from earlier periods falls due; the
/// part the seller's energised capacity can deliver is paid and recognised as revenue, the rest
/// rolls forward. A buyer that cannot pay cancels the rest and the seller's backlog falls.
struct ComputeContractBook: Sendable {
    /// The deal index in the scenario.
    var deal: [Int] = []
    /// Buyer and seller entity indices.
    var buyer: [Int] = [], seller: [Int] = []
    /// Contract value and the GW it needs while it is being delivered.
    var amount: [Double] = [], gw: [Double] = []
    /// The signing period (backlog is booked then).
    var signed: [Int] = []
    /// The schedule, flattened: contract `c` owns `schedule[scheduleStart[c]..<scheduleStart[c + 1]]`.
    var scheduleStart: [Int] = [0]
    var schedulePeriod: [Int] = [], scheduleAmount: [Double] = []
    /// The next schedule entry not yet due.
    var cursor: [Int] = []
    /// Contract value not yet recognised (its share of the seller's backlog).
    var remaining: [Double] = []
    /// Scheduled but undelivered amounts that roll forward.
    var carried: [Double] = []
    /// State of each contract.
    var state: [DealState] = []
    /// The contracts of each buyer.
    var byBuyer = EntityIndex()

    /// The number of contracts.
    var count: Int { deal.count }

    /// Adds a contract with its schedule (sorted by period).
    mutating func add(
        deal index: Int, buyer b: Int, seller s: Int, amount value: Double, gw needed: Double, signed period: Int, schedule: [ScheduledAmount]
    ) {
        deal.append(index)
        buyer.append(b)
        seller.append(s)
        amount.append(value)
        gw.append(needed)
        signed.append(period)
        for entry in schedule.sorted(by: { $0.period < $1.period }) {
            schedulePeriod.append(entry.period)
            scheduleAmount.append(entry.amount)
        }
        scheduleStart.append(schedulePeriod.count)
        cursor.append(scheduleStart[scheduleStart.count - 2])
        byBuyer.add(deal.count - 1, to: b)
        remaining.append(value)
        carried.append(0)
        state.append(.pending)
    }

    /// The first scheduled period of contract `c` (Int.max without a schedule).
    func firstDue(_ c: Int) -> Int {
        scheduleStart[c] < scheduleStart[c + 1] ? schedulePeriod[scheduleStart[c]] : Int.max
    }

    /// Whether contract `c` is being delivered in period `t` (signed, started, not finished).
    func isDelivering(_ c: Int, at t: Int) -> Bool {
        state[c] == .active && firstDue(c) <= t
    }

    /// Takes the amount scheduled for periods up to `t` (advancing the cursor) and adds what was carried.
    mutating func takeDue(_ c: Int, at t: Int) -> Double {
        var due = carried[c]
        carried[c] = 0
        var k = cursor[c]
        let end = scheduleStart[c + 1]
        while k < end, schedulePeriod[k] <= t {
            due += scheduleAmount[k]
            k += 1
        }
        cursor[c] = k
        return min(due, remaining[c])
    }

    /// Whether every scheduled amount of `c` has come due.
    func scheduleDone(_ c: Int) -> Bool { cursor[c] >= scheduleStart[c + 1] }
}
