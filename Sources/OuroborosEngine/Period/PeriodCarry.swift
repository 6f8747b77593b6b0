/// Step 12, what the period leaves to the next: the labs' and wrappers' operating cash flow takes
/// their revenue (and their revenue run rate, which prices next period's rounds, is set), each firm's cash runway is checked against its shortest so far (the weakest
/// link), the operating-cash-flow run rate moves (bond capacity, M4), and the funding AI firms
/// sought becomes next period's capital competition (M9).
extension Simulator {
    /// Carries the period's tallies into the state the next period reads.
    mutating func carryIntoNextPeriod() {
        for e in table.labsAndWrappers {
            period.operatingCashFlow[e] += books.revenue[e]
            firms.revenueRunRate[e] = annualRevenue(e)
        }
        for e in 0..<table.count {
            if table.roles[e].isNetworkFirm, alive(e), books.outflow[e] > 0 {
                let runway = cash(e) / (books.outflow[e] / months)
                if runway < firms.runwayMin[e] {
                    firms.runwayMin[e] = runway
                    firms.runwayMinPeriod[e] = t
                }
            }
            firms.operatingCashFlowRunRate[e] = 0.75 * firms.operatingCashFlowRunRate[e] + 0.25 * period.operatingCashFlow[e] / dt
        }
        macro.fundingSoughtLastPeriod = period.fundingSought
    }
}
