/// Step 7, debt (M4, M9): scheduled draws of deal-based bonds, loans, private credit, vendor and
/// pledge loans; interest on every position each period; principal at maturity, repaid from cash
/// and, for clouds, refinanced down the funding hierarchy (the refinancing wall). Other borrowers
/// roll maturing principal over with the same lender, except bonds and private credit in a freeze.
/// A borrower that still cannot pay misses the payment and defaults.
extension Simulator {
    /// Makes the deal-based draws scheduled up to this period.
    mutating func drawDealFinancing() throws(EngineError) {
        var k = deals.debt.drawCursor
        while k < deals.debt.drawPeriod.count, deals.debt.drawPeriod[k] <= t {
            try draw(position: deals.debt.drawPosition[k], amount: deals.debt.drawAmount[k])
            k += 1
        }
        deals.debt.drawCursor = k
    }

    private mutating func draw(position d: Int, amount: Double) throws(EngineError) {
        let kind = deals.debt.kind[d]
        let lender = deals.debt.lender[d]
        let borrower = deals.debt.borrower[d]
        let id = deals.debt.deal[d] >= 0 ? layout.dealIDs[deals.debt.deal[d]] : nil
        guard alive(lender), alive(borrower), deals.debt.state[d] != .cancelled else { return }
        if layout.shocks.creditFrozen[t], kind == .bond || kind == .privateCredit {
            log.add(
                .contractCancelled, period: t, entity: borrower, counterparty: lender, deal: id, amount: amount,
                cause: .drawFrozen(borrower: table.names[borrower], amount: amount, debt: kind.noun))
            return
        }
        var drawn = amount
        switch table.roles[lender] {
        case .bank:
            break
        case .privateCreditFund:
            try callCapital(lender, amount: amount - spendable(lender))
            drawn = min(amount, max(0, cash(lender)))
        default:
            drawn = min(amount, max(0, cash(lender)))
        }
        guard drawn > 0 else { return }
        try books.acquire(holder: lender, issuer: borrower, DebtBook.instrument(kind, in: books.chart), amount: drawn, variable: kind.noun)
        deals.debt.principal[d] += drawn
        deals.debt.state[d] = .active
        if kind != .pledgeLoan { period.newDebt[borrower] += drawn }
        log.add(
            kind.drawEvent, period: t, entity: borrower, counterparty: lender, deal: id, amount: drawn,
            cause: .debtDrawn(borrower: table.names[borrower], amount: drawn, debt: kind.noun, lender: table.names[lender]))
    }

    /// Pays interest and maturing principal on every position.
    mutating func serviceDebt() throws(EngineError) {
        let existing = deals.debt.count
        // Interest and maturities are computed on the principal at the start of the step: draws made
        // while refinancing (which may add to an existing line) start paying next period.
        scratch.principal.removeAll(keepingCapacity: true)
        scratch.principal.append(contentsOf: deals.debt.principal)
        let principal = scratch.principal
        // Clouds refinance what they owe this period in one go, down the hierarchy.
        scratch.owed.removeAll(keepingCapacity: true)
        scratch.owed.append(contentsOf: repeatElement(0, count: table.count))
        var owed = scratch.owed
        scratch.owed = []
        defer { scratch.owed = owed }
        for d in 0..<existing where deals.debt.state[d] == .active && deals.debt.principal[d] > 0 {
            let borrower = deals.debt.borrower[d]
            guard table.roles[borrower] == .cloud else { continue }
            owed[borrower] += principal[d] * (deals.debt.rate(d, policyRate: macro.rate) * dt + (deals.debt.maturity[d] <= t ? 1 : 0))
        }
        for cloud in table.clouds where alive(cloud) && owed[cloud] > cash(cloud) {
            _ = try fundShortfall(cloud, amount: owed[cloud] - cash(cloud), purpose: "to pay and refinance its debt")
        }
        for d in 0..<existing {
            guard deals.debt.state[d] == .active, principal[d] > 0 else { continue }
            let borrower = deals.debt.borrower[d]
            let lender = deals.debt.lender[d]
            guard alive(borrower) else { continue }
            let kind = deals.debt.kind[d]
            let interest = principal[d] * deals.debt.rate(d, policyRate: macro.rate) * dt
            let maturing = deals.debt.maturity[d] <= t ? min(principal[d], deals.debt.principal[d]) : 0
            // Interest.
            let paidInterest = min(interest, max(0, cash(borrower)))
            try books.pay(.interest, from: borrower, to: lender, amount: paidInterest)
            period.interestPaid[borrower] += paidInterest
            if paidInterest < interest * (1 - 1e-9) {
                if kind == .pledgeLoan {
                    try capitalise(d, amount: interest - paidInterest)
                } else {
                    try miss(d, amount: interest - paidInterest, what: "interest")
                    continue
                }
            }
            guard maturing > 0 else { continue }
            // Principal.
            let repay = min(maturing, max(0, cash(borrower) - (table.roles[borrower] == .cloud ? 0 : p.minCash[borrower])))
            try repayPrincipal(d, amount: repay)
            let rest = maturing - repay
            guard rest > 1e-6 else { continue }
            let frozen = layout.shocks.creditFrozen[t] && (kind == .bond || kind == .privateCredit)
            if table.roles[borrower] != .cloud, !frozen, alive(lender) {
                deals.debt.maturity[d] = t + deals.debt.term[d]
            } else {
                try miss(d, amount: rest, what: "principal")
            }
        }
    }

    /// Repays `amount` of position `d` (deposits are destroyed when the lender is a bank).
    mutating func repayPrincipal(_ d: Int, amount: Double) throws(EngineError) {
        guard amount > 0 else { return }
        let kind = deals.debt.kind[d]
        try books.acquire(
            holder: deals.debt.lender[d], issuer: deals.debt.borrower[d], DebtBook.instrument(kind, in: books.chart),
            amount: -amount, variable: "\(kind.noun) repayment")
        deals.debt.principal[d] -= amount
        if deals.debt.principal[d] <= 1e-9 * max(1, amount) {
            deals.debt.principal[d] = 0
            deals.debt.state[d] = .completed
        }
    }

    /// Adds unpaid interest to a pledge loan's principal (a loan the bank extends, creating deposits it is paid with).
    private mutating func capitalise(_ d: Int, amount: Double) throws(EngineError) {
        let borrower = deals.debt.borrower[d]
        let lender = deals.debt.lender[d]
        try books.acquire(holder: lender, issuer: borrower, books.chart.loans, amount: amount, variable: "capitalised interest")
        try books.pay(.interest, from: borrower, to: lender, amount: amount)
        deals.debt.principal[d] += amount
    }

    /// Records a missed debt payment and defaults the borrower.
    private mutating func miss(_ d: Int, amount: Double, what: String) throws(EngineError) {
        let borrower = deals.debt.borrower[d]
        let lender = deals.debt.lender[d]
        let kind = deals.debt.kind[d]
        log.add(
            .missedPayment, period: t, entity: borrower, counterparty: lender, amount: amount,
            cause: .debtPaymentMissed(borrower: table.names[borrower], amount: amount, what: what, debt: kind.noun, lender: table.names[lender]))
        try declareDefault(borrower, cause: .debtUnpaid(borrower: table.names[borrower], what: what, debt: kind.noun))
    }
}
