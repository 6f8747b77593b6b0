/// The accelerators each order ships this period: planned against the chipmakers' capacity
/// before the buyers fund them (step 5), cut when a buyer defers, delivered and paid in step 6 (M5).
struct ChipShipments: Sendable {
    /// Units per order (grows with the orders capex plans place during the period).
    var units: [Double] = []
    /// Units each chipmaker can still ship this period.
    var production: [Double] = []

    /// Zero units for each of `orders` orders, no production for `entities` entities.
    mutating func reset(orders: Int, entities: Int) {
        if units.count < orders { units.append(contentsOf: repeatElement(0, count: orders - units.count)) }
        for o in units.indices { units[o] = 0 }
        if production.count != entities { production = [Double](repeating: 0, count: entities) }
        for e in production.indices { production[e] = 0 }
    }
}
