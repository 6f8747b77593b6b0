/// Accelerator orders (M5): units delivered first-in first-out against each chipmaker's
/// production capacity once the delivery lag has passed, paid by the buyer on delivery.
struct ChipOrderBook: Sendable {
    /// The deal index, or -1 for orders made by a capex plan.
    var deal: [Int] = []
    /// Buyer and chipmaker.
    var buyer: [Int] = [], seller: [Int] = []
    /// Price per accelerator, units still to deliver.
    var unitPrice: [Double] = [], units: [Double] = []
    /// The period the order is placed (booked in the chipmaker's backlog) and the first it can ship.
    var placed: [Int] = [], ready: [Int] = []
    /// Consecutive periods the buyer deferred delivery for want of funds.
    var deferred: [Int] = []
    /// State of each order.
    var state: [DealState] = []
    /// Order indices sorted by (placed, index): the delivery queue.
    var fifo: [Int] = []
    /// The orders of each buyer.
    var byBuyer = EntityIndex()

    /// The number of orders.
    var count: Int { deal.count }

    /// Adds an order and queues it by its placing period; returns its index.
    @discardableResult
    mutating func add(
        deal index: Int, buyer b: Int, seller s: Int, unitPrice price: Double, units quantity: Double,
        placed period: Int, ready first: Int
    ) -> Int {
        deal.append(index)
        buyer.append(b)
        seller.append(s)
        unitPrice.append(price)
        units.append(quantity)
        placed.append(period)
        ready.append(first)
        deferred.append(0)
        state.append(.pending)
        let order = deal.count - 1
        byBuyer.add(order, to: b)
        var position = fifo.count
        while position > 0, placed[fifo[position - 1]] > period { position -= 1 }
        fifo.insert(order, at: position)
        return order
    }

    /// The value still to deliver on order `o`.
    func value(_ o: Int) -> Double { units[o] * unitPrice[o] }
}
