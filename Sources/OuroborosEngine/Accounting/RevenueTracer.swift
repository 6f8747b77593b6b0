internal import OuroborosNetwork

/// Funds tracing across periods (M2): each period's payments go through `FundsTrace`
/// (proportional mixing, opening balances labelled with their holder), and each firm's opening
/// balance is then expanded into the origin mix it carried from the previous period, so the origin
/// of money survives from one period to the next.
///
/// Base dimensions: the four origin classes, then one per firm for money that was the firm's own
/// at the opening. A firm's revenue traced to its own dimension is its round trip; to another
/// firm's own opening money, `other`.
struct RevenueTracer: Sendable {
    let n: Int
    /// The origin class of each entity, nil for firms.
    let origin: [OriginClass?]
    /// The firm number (0 ..< m) of each entity, -1 for origins.
    let firm: [Int]
    let m: Int
    /// Dimensions per vector: 4 classes + m firms.
    let width: Int
    /// Each firm's carried mix (m × width) and the scratch for the period's pool mixes.
    var carried: [Double], pool: [Double]
    /// Per entity: revenue traced to endUsers, investors, lenders, roundTrip, other (n × 5).
    var totals: [Double]
    /// The origin nodes, for `FundsTrace`.
    let originNodes: [Int]
    /// The trace's buffers and the period's payments and balances, reused every period.
    private var workspace = FundsTraceWorkspace()
    private var sources: [Int32] = [], targets: [Int32] = [], amounts: [Double] = [], balances: [Double] = []

    init(table: EntityTable) {
        n = table.count
        origin = table.roles.map(\.origin)
        var firm = [Int](repeating: -1, count: n)
        var count = 0
        for e in 0..<n where origin[e] == nil {
            firm[e] = count
            count += 1
        }
        self.firm = firm
        m = count
        width = 4 + count
        carried = [Double](repeating: 0, count: count * (4 + count))
        for k in 0..<count { carried[k * (4 + count) + 4 + k] = 1 }
        pool = carried
        totals = [Double](repeating: 0, count: n * 5)
        let origins = table.roles.map(\.origin)
        originNodes = (0..<table.count).filter { origins[$0] != nil }
    }

    /// Traces one period's payments; `opening` is each entity's cash at the start of the period.
    mutating func trace(books: Books, opening: [Double]) {
        sources.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        amounts.removeAll(keepingCapacity: true)
        for edge in books.edges where edge.amount > 0 {
            sources.append(edge.from)
            targets.append(edge.to)
            amounts.append(edge.amount)
        }
        balances.removeAll(keepingCapacity: true)
        for e in 0..<n { balances.append(origin[e] == nil ? max(0, opening[e].isFinite ? opening[e] : 0) : 0) }
        do {
            try workspace.trace(
                nodeCount: n, sources: sources, targets: targets, amounts: amounts, openingBalances: balances, origins: originNodes)
        } catch {
            untraced(books: books)
            return
        }
        // Pool mix of every firm in base dimensions (raw buffers: m × width values a period).
        let inflows = workspace.inflow
        let width = width
        pool.withUnsafeMutableBufferPointer { pool in
            carried.withUnsafeBufferPointer { carried in
                workspace.mixShare.withUnsafeBufferPointer { mixShare in
                    workspace.mixLabel.withUnsafeBufferPointer { mixLabel in
                        for e in 0..<n where firm[e] >= 0 {
                            let row = firm[e] * width
                            let inflow = inflows[e]
                            let open = balances[e]
                            let mass = inflow + open
                            for d in 0..<width { pool[row + d] = 0 }
                            guard mass > 0 else {
                                for d in 0..<width { pool[row + d] = carried[row + d] }
                                continue
                            }
                            var attributed = 0.0
                            for k in workspace.mixRange(of: e) {
                                let share = mixShare[k]
                                let weight = share * inflow / mass
                                attributed += share
                                let label = Int(mixLabel[k])
                                if let cls = origin[label] {
                                    pool[row + cls.rawValue] += weight
                                } else {
                                    let source = firm[label] * width
                                    for d in 0..<width { pool[row + d] += weight * carried[source + d] }
                                }
                            }
                            if inflow > 0, attributed < 1 { pool[row + OriginClass.other.rawValue] += (1 - attributed) * inflow / mass }
                            if open > 0 { for d in 0..<width { pool[row + d] += carried[row + d] * open / mass } }
                        }
                    }
                }
            }
        }
        // Revenue edges: the payer's mix, credited to the payee.
        for edge in books.edges where edge.isRevenue && edge.amount > 0 {
            let payer = Int(edge.from)
            let payee = Int(edge.to)
            let amount = edge.amount
            let base = payee * 5
            if let cls = origin[payer] {
                totals[base + Self.slot(cls.rawValue)] += amount
                continue
            }
            let row = firm[payer] * width
            for c in 0..<4 { totals[base + Self.slot(c)] += amount * pool[row + c] }
            for f in 0..<m {
                let share = pool[row + 4 + f]
                guard share != 0 else { continue }
                totals[base + (f == firm[payee] ? 3 : 4)] += amount * share
            }
        }
        swap(&carried, &pool)
    }

    /// The slot of origin class `c` in `totals` (endUsers, investors, lenders, roundTrip, other).
    @inline(__always) private static func slot(_ c: Int) -> Int { c == OriginClass.other.rawValue ? 4 : c }

    /// Books a period whose payments could not be traced as revenue of other origin.
    private mutating func untraced(books: Books) {
        for edge in books.edges where edge.isRevenue && edge.amount > 0 {
            totals[Int(edge.to) * 5 + 4] += edge.amount
        }
    }

    /// The origin breakdown of entity `e` over the run.
    func origin(of e: Int) -> RevenueOrigin {
        let base = e * 5
        let total = (0..<5).reduce(0) { $0 + totals[base + $1] }
        guard total > 0 else { return RevenueOrigin() }
        return RevenueOrigin(
            endUsers: totals[base] / total, investors: totals[base + 1] / total, lenders: totals[base + 2] / total,
            roundTrip: totals[base + 3] / total, other: totals[base + 4] / total, revenue: total)
    }
}
