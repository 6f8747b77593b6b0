/// Banks and the money multiplier (M9): new lending is bounded by reserves (the multiplier
/// capacity, scaled by liquidity and the reserve ratio) and by capital (net worth over the
/// capital ratio). A loan creates deposits; a repayment destroys them (both through the ledger).
extension Simulator {
    /// Loans outstanding of bank `b` (bank and pledge loans).
    @inline(__always) func loansOutstanding(_ b: Int) -> Double {
        var total = 0.0
        for d in deals.debt.byLender[b] {
            let kind = deals.debt.kind[d]
            if kind == .bankLoan || kind == .pledgeLoan { total += deals.debt.principal[d] }
        }
        return total
    }

    /// How much more bank `b` can lend now: `min(multiplier_capacity × L / (rr_t / rr_0) − loan
    /// growth since the opening, capital / capital_ratio − loans)`, unbounded with M9 off.
    /// A `multiplier_capacity` of 0 leaves only the capital bound.
    @inline(__always) func lendingHeadroom(_ b: Int) -> Double {
        guard on.multiplier else { return .infinity }
        guard alive(b) else { return 0 }
        let loans = loansOutstanding(b)
        let capital = books.ledger.netWorth(of: .init(b))
        let ratio = max(1e-6, layout.capitalRatio[t])
        var headroom = capital / ratio - loans
        if p.multiplierCapacity[b] > 0 {
            let tightening = max(1e-6, layout.reserveRatio[t]) / max(1e-6, layout.reserveRatio[0])
            headroom = min(headroom, p.multiplierCapacity[b] * macro.liquidityIndex / tightening - (loans - firms.openingBankLoans[b]))
        }
        return max(0, headroom)
    }

    /// `lender` lends `amount` to `borrower` down the hierarchy (bank loans create deposits) at base
    /// spread `spread`: loans and private credit float (they pay the borrower's add-on of each period
    /// on top, M4), bonds are fixed at issue at the policy rate plus the borrower's spread of the day.
    /// Draws in the same year on the same line add to one position maturing `years` after the year
    /// began, at the amount-weighted spread (or fixed rate), so that positions do not multiply.
    @discardableResult
    mutating func lend(_ kind: DebtKind, lender: Int, borrower: Int, amount: Double, spread: Double, years: Double, purpose: String)
        throws(EngineError) -> Int
    {
        let perYear = max(1, Int((12 / months).rounded()))
        let yearStart = ((t - 1) / perYear) * perYear + 1
        let term = steps(months: years * 12)
        let maturity = yearStart + term
        let addOn = borrower < deals.debt.creditAddOn.count ? deals.debt.creditAddOn[borrower] : 0
        let rate = max(0, macro.rate + mp.credit.spread(base: spread, addOn: addOn))
        let fixed = kind == .bond ? rate : Double.nan
        var position = -1
        for d in deals.debt.byBorrower[borrower]
        where deals.debt.deal[d] < 0 && deals.debt.kind[d] == kind && deals.debt.lender[d] == lender
            && deals.debt.maturity[d] == maturity && deals.debt.state[d] == .active && deals.debt.fixedRate[d].isNaN == fixed.isNaN
        {
            position = d
            break
        }
        if position >= 0 {
            let before = deals.debt.principal[position]
            deals.debt.spread[position] = (deals.debt.spread[position] * before + spread * amount) / (before + amount)
            if !fixed.isNaN {
                deals.debt.fixedRate[position] = (deals.debt.fixedRate[position] * before + fixed * amount) / (before + amount)
            }
            deals.debt.principal[position] += amount
        } else {
            position = deals.debt.add(
                kind, lender: lender, borrower: borrower, principal: amount, spread: spread, fixedRate: fixed,
                maturity: maturity, term: term)
        }
        try books.acquire(holder: lender, issuer: borrower, DebtBook.instrument(kind, in: books.chart), amount: amount, variable: kind.noun)
        period.newDebt[borrower] += amount
        log.add(
            kind.drawEvent, period: t, entity: borrower, counterparty: lender, amount: amount,
            cause: .debtRaised(
                borrower: table.names[borrower], amount: amount, debt: kind.noun, lender: table.names[lender], purpose: purpose,
                rate: rate))
        return position
    }
}
