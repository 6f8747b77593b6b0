/// What a buyer has committed to spend on capacity: the chips it has ordered (active or not yet
/// placed) that are due to ship within a horizon, with the construction each delivered GW needs
/// (`CloudOperations.deliveryCost`). A lab's or wrapper's rounds and runway count it as burn (M6),
/// so a lab that orders its own accelerators raises for them before the invoices arrive.
extension Simulator {
    /// The monthly average of what `e` must pay for deliveries due within `horizonMonths` from now.
    func committedCapexPerMonth(_ e: Int, months horizonMonths: Double) -> Double {
        guard horizonMonths > 0 else { return 0 }
        let last = t + steps(months: horizonMonths)
        var total = 0.0
        for o in deals.orders.byBuyer[e] {
            let state = deals.orders.state[o]
            guard state == .active || state == .pending, deals.orders.ready[o] <= last, deals.orders.units[o] > 0 else { continue }
            guard alive(deals.orders.seller[o]) else { continue }
            total += deliveryCost(o, units: deals.orders.units[o])
        }
        return total / horizonMonths
    }
}
