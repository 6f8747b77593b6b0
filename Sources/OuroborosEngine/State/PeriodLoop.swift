/// The period loop: opening balances, then periods 1 … T, each in the documented order of steps.
extension Simulator {
    /// Runs every period; throws the first broken identity or non-finite value.
    mutating func run() throws(EngineError) {
        try seedOpeningBalances()
        try recordPeriod()
        var openingCash = [Double](repeating: 0, count: table.count)
        for period in 1...layout.periods {
            t = period
            try books.beginPeriod()
            for e in 0..<table.count { openingCash[e] = cash(e) }
            try applyShocks()  // shocks dated this period (defaults forced first)
            updateMacro()  // 1. policy rate, liquidity, risk premium (M8, M9)
            activateDeals()  //    contracts signed, orders placed, announcements (M1, M3)
            try payEndUserDemand()  // 2. households pay labs, wrappers, clouds, chipmakers (M6)
            assessDues()  // 3a. opex, compute due and deliverable, API fees (M3, M5)
            try drawDealFinancing()  //    bonds, loans, private credit, vendor and pledge loans drawn
            try fundEquityTranches()  // 4. equity tranches, forced sales for capital calls (M1, M10)
            try raiseRounds()  //    endogenous venture rounds (M6)
            try settleDues()  // 3b. pay or miss; cancel; default (M3, M11)
            try operateClouds()  // 5. operating costs, capex, funding hierarchy (M4)
            try deliverChips()  // 6. deliveries paid, suppliers paid, GW built (M5)
            try payBackstops()  //    vendors buy unsold capacity
            energiseCapacity()  //    power queue and available power (M5)
            try vestWarrants()  //    warrants vest as GW scale
            try serviceDebt()  // 7. interest, maturities, refinancing wall (M4, M9)
            try updateMarkets()  // 8. narratives, prices, revaluations (M1, M7, M10)
            updateSentiment()  //    sentiment (M7, M11)
            try callMargins()  // 9. margin calls on pledged shares (M11)
            try redeemHedgeFunds()  //    redemptions and forced sales (M10)
            try clearDefaults()  // 10. Eisenberg–Noe clearing, write-offs (M11)
            try closePeriod(openingCash: openingCash)  // 11. conservation check, funds tracing (M2)
            try recordPeriod()  // 12. series
        }
    }
}
