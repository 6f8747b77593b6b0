internal import OuroborosCore

/// Forced-sale price impact (M10, M11): a sale of value `Q` into market `m` executes at
/// `P × exp(−(S + Q/2) / D)`, where `S` is what was already sold this period and `D = depth ×
/// L^liquidity_beta` is the depth left at today's liquidity; the period's sales then move the
/// impact factor by `exp(−sales / D)`, which recovers toward 1 at `impact_recovery` a month.
extension Simulator {
    /// The depth of market `m` at today's liquidity.
    @inline(__always) func effectiveDepth(_ m: Int) -> Double {
        max(1, markets.depth[m] * Math.pow(macro.liquidityIndex, markets.liquidityBeta[m]))
    }

    /// Units of market `m` to sell to raise `proceeds` (at most `held`), and the execution price.
    @inline(__always) func unitsToRaise(_ proceeds: Double, in m: Int, held: Double) -> (units: Double, price: Double) {
        let depth = effectiveDepth(m)
        let mark = markets.price[m]
        guard mark > 0, held > 0 else { return (0, 0) }
        var value = proceeds
        var execution = mark
        for _ in 0..<4 {
            execution = mark * Math.exp(-(markets.sales[m] + value / 2) / depth)
            value = min(proceeds / execution, held) * execution
        }
        return (min(proceeds / execution, held), execution)
    }

    /// The execution price of selling `units` of market `m` now.
    @inline(__always) func executionPrice(selling units: Double, in m: Int) -> Double {
        let mark = markets.price[m]
        var execution = mark
        for _ in 0..<4 { execution = mark * Math.exp(-(markets.sales[m] + units * execution / 2) / effectiveDepth(m)) }
        return execution
    }
}
