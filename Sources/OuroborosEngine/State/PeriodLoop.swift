/// The period loop: the opening balance sheet, then periods 1 … T, each in the documented order of
/// steps (M1–M11 of docs/model.md). Every step is one file; what one step hands to a later one in
/// the same period is a value of this loop (`dues`, `shipments`), passed at the call; what a period
/// leaves to the next is a named part of the state (`firms`, `capacity`, `macro`, `markets`, …).
extension Simulator {
    /// Runs every period; throws the first broken identity or non-finite value.
    mutating func run() throws(EngineError) {
        try seedOpeningBalances()
        try recordPeriod()
        var openingCash = [Double](repeating: 0, count: table.count)
        var dues = Obligations(entities: table.count, contracts: deals.contracts.count)
        var shipments = ChipShipments()
        for _ in 1...layout.periods {
            try books.beginPeriod()  //     the books open period t, with its revenue and payments at zero
            period.reset()  //              the period's tallies start at zero (their one reset)
            for e in 0..<table.count { openingCash[e] = cash(e) }
            try applyShocks()  //           shocks dated this period (defaults forced first)
            updateMacro()  //               1. policy rate, liquidity, risk premium (M8, M9, M11)
            priceCredit()  //                  each borrower's spread and credit standing (M4)
            activateDeals()  //                contracts signed, orders placed, announcements (M1, M3)
            try payEndUserDemand()  //      2. households pay labs, wrappers, clouds, chipmakers (M6)
            assessDues(&dues)  //           3a. opex, compute due and deliverable, API fees (M3, M5)
            try drawDealFinancing()  //        bonds, loans, private credit, vendor and pledge loans drawn
            try fundEquityTranches(dues)  // 4. equity tranches, forced sales for capital calls (M1, M10)
            try raiseRounds(dues)  //          endogenous venture rounds (M6)
            try settleDues(&dues)  //       3b. pay or miss; cancel; default (M3, M11)
            planDeliveries(&shipments)  //  5. what the chipmakers can ship (M5)
            try operateClouds(&shipments)  //  operating costs, capex, funding hierarchy (M4)
            try deliverChips(&shipments)  //6. deliveries paid, suppliers paid, GW built (M5)
            try payBackstops(dues)  //         vendors buy unsold capacity
            energiseCapacity()  //             power queue and available power (M5)
            try vestWarrants(dues)  //         warrants vest as GW scale
            try serviceDebt()  //           7. interest, maturities, refinancing wall (M4, M9)
            try updateMarkets()  //         8. narratives, prices, revaluations (M1, M7, M10)
            updateSentiment()  //              sentiment (M7, M11)
            try callMargins()  //           9. margin calls on pledged shares (M11)
            try redeemHedgeFunds()  //         redemptions and forced sales (M10)
            try redeemCreditFunds()  //        credit-fund redemptions within their gates (M10)
            try takeLimitedPartnerInflows()  // LP money into venture funds (M6)
            try clearDefaults()  //        10. Eisenberg–Noe clearing, write-offs (M11)
            try propagateLosses()  //          the write-offs through DebtRank: prices, stakes (M11)
            try closePeriod(openingCash: openingCash)  // 11. conservation check, funds tracing (M2)
            carryIntoNextPeriod()  //      12. run rates, runway, the funding sought (for the next period)
            try recordPeriod()  //             the series (reads only)
        }
    }
}
