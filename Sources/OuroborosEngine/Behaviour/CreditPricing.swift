internal import OuroborosCore

/// The credit-pricing function of M4: what a borrower pays over the policy rate, and how much banks
/// and private credit will lend it, from its own state and the market's.
///
/// A borrower's **add-on** is what it pays over a position's base spread (`bond_spread`,
/// `loan_spread`, `private_credit_spread`, or the deal's):
///
///     add-on = leverage_slope × max(0, min(leverage_cap, D / F) − leverage_free)
///            + coverage_slope × max(0, 1 − max(0, F / I) / coverage_reference)
///            + liquidity_beta × max(0, 1 − L) + sentiment_beta × max(0, 1 − S)
///            + strain_beta × strain premium
///
/// where D is its debt (every position but share-pledge loans), F its annual operating cash flow (the
/// run rate), I the interest it owes per year at the period's rates, L the liquidity index, S sentiment
/// and the strain premium what recent failures added to the risk premium (M11). Leverage counts as
/// `leverage_cap` when F ≤ 0 and D > 0; coverage is infinite (no term) without interest. A position's
/// spread is its base spread plus the add-on, the add-on cut so that the spread stays at most
/// `spread_max` (a base spread above it is kept).
///
/// The **credit limit** is what banks and private credit let its debt reach: a cash-flow part,
/// `limit_multiple / (1 + limit_spread_sensitivity × add-on) × max(0, F)`, which lapses when coverage
/// is below `coverage_floor`, plus a contract-backed part, `backlog_advance × backlog` (lending against
/// contracted revenue, as delayed-draw facilities do).
struct CreditPricing: Sendable, Equatable {
    var leverageFree = 4.0, leverageSlope = 0.0025, leverageCap = 20.0
    var coverageReference = 3.0, coverageSlope = 0.02
    var liquidityBeta = 0.03, sentimentBeta = 0.02, strainBeta = 1.0
    var spreadMax = 0.25
    var limitMultiple = 6.0, limitSpreadSensitivity = 10.0, backlogAdvance = 0.7, coverageFloor = 1.0

    /// Debt over annual operating cash flow, at most `leverageCap` (and `leverageCap` without cash flow).
    @inline(__always) func leverage(debt: Double, cashFlow: Double) -> Double {
        guard debt > 0 else { return 0 }
        guard cashFlow > 0 else { return leverageCap }
        return min(leverageCap, debt / cashFlow)
    }

    /// Operating cash flow over interest (infinite without interest, 0 when cash flow is not positive).
    @inline(__always) func coverage(cashFlow: Double, interest: Double) -> Double {
        guard interest > 0 else { return .infinity }
        return max(0, cashFlow / interest)
    }

    /// The market's part of the add-on: liquidity, sentiment and the strain premium.
    @inline(__always) func marketTerm(liquidity: Double, sentiment: Double, strain: Double) -> Double {
        liquidityBeta * max(0, 1 - liquidity) + sentimentBeta * max(0, 1 - sentiment) + strainBeta * max(0, strain)
    }

    /// The borrower's part of the add-on: leverage and coverage.
    @inline(__always) func borrowerTerm(leverage: Double, coverage: Double) -> Double {
        let levered = leverageSlope * max(0, leverage - leverageFree)
        let covered = coverage.isFinite && coverageReference > 0 ? coverageSlope * max(0, 1 - coverage / coverageReference) : 0
        return levered + covered
    }

    /// The add-on over a position's base spread (see the type's documentation).
    @inline(__always) func addOn(leverage: Double, coverage: Double, liquidity: Double, sentiment: Double, strain: Double) -> Double {
        borrowerTerm(leverage: leverage, coverage: coverage) + marketTerm(liquidity: liquidity, sentiment: sentiment, strain: strain)
    }

    /// The spread of a position with base spread `base` for a borrower with add-on `addOn`.
    @inline(__always) func spread(base: Double, addOn: Double) -> Double {
        base + min(max(0, addOn), max(0, spreadMax - base))
    }

    /// The debt banks and private credit let the borrower reach (the cash-flow part only at a coverage of at least the floor).
    @inline(__always) func limit(cashFlow: Double, backlog: Double, addOn: Double, coverage: Double = .infinity) -> Double {
        let cashFlowPart = coverage >= coverageFloor ? limitMultiple / (1 + limitSpreadSensitivity * max(0, addOn)) * max(0, cashFlow) : 0
        return cashFlowPart + backlogAdvance * max(0, backlog)
    }
}

/// How much more banks and private credit may lend a borrower now, and why no more (M4).
struct RationingCheck: Sendable {
    /// Its debt that runs past this period and its credit limit, USD.
    var debt: Double, limit: Double
    /// Its interest coverage and the floor below which only contract-backed lending is left.
    var coverage: Double, floor: Double

    /// The most that may be lent.
    var room: Double { max(0, limit - debt) }

    /// The reason an event gives.
    var reason: EventCause.RationingReason {
        coverage < floor ? .coverageBelowFloor(coverage: coverage, floor: floor, debt: debt, limit: limit) : .creditLimit(debt: debt, limit: limit)
    }
}

/// Step 1b, credit pricing (M4): each borrower's add-on for the period, from the state the previous
/// period left (debt, operating cash flow, interest at the period's policy rate and the previous
/// add-on) and this period's liquidity, sentiment and strain premium. Floating positions pay it from
/// now on (`DebtBook.rate`); new bonds are fixed at issue at the spread of the day. With M4 off
/// spreads stay at their base values.
extension Simulator {
    /// Prices every borrower for the period, in place.
    mutating func priceCredit() {
        let n = table.count
        for e in 0..<n {
            credit.debt[e] = 0
            credit.interest[e] = 0
        }
        for d in 0..<deals.debt.count
        where deals.debt.state[d] == .active && deals.debt.principal[d] > 0 && deals.debt.kind[d] != .pledgeLoan {
            let b = deals.debt.borrower[d]
            credit.debt[b] += deals.debt.principal[d]
            credit.interest[b] += deals.debt.principal[d] * deals.debt.rate(d, policyRate: macro.rate)
        }
        let pricing = mp.credit
        let market = pricing.marketTerm(liquidity: macro.liquidityIndex, sentiment: macro.sentiment, strain: macro.strainPremium)
        for e in 0..<n {
            let flow = firms.operatingCashFlowRunRate[e]
            let leverage = pricing.leverage(debt: credit.debt[e], cashFlow: flow)
            let coverage = pricing.coverage(cashFlow: flow, interest: credit.interest[e])
            credit.leverage[e] = leverage
            credit.coverage[e] = coverage
            deals.debt.creditAddOn[e] = on.hierarchy ? pricing.borrowerTerm(leverage: leverage, coverage: coverage) + market : 0
        }
    }

    /// The spread over the policy rate a new floating bank loan to `e` pays this period (recorded as `credit_spread`).
    @inline(__always) func loanSpreadNow(_ e: Int) -> Double {
        mp.credit.spread(base: p.loanSpread[e], addOn: deals.debt.creditAddOn[e])
    }

    /// How much more banks and private credit may lend `e` now (M4): the credit limit less its debt
    /// that runs past this period (principal due now is being repaid or refinanced).
    func creditRoom(_ e: Int) -> RationingCheck {
        let pricing = mp.credit
        var debt = 0.0
        for d in deals.debt.byBorrower[e]
        where deals.debt.state[d] == .active && deals.debt.kind[d] != .pledgeLoan && deals.debt.maturity[d] > t {
            debt += deals.debt.principal[d]
        }
        let limit = pricing.limit(
            cashFlow: firms.operatingCashFlowRunRate[e], backlog: firms.backlog[e], addOn: deals.debt.creditAddOn[e], coverage: credit.coverage[e])
        return RationingCheck(debt: debt, limit: limit, coverage: credit.coverage[e], floor: pricing.coverageFloor)
    }

    /// Records that `lender` lent `granted` of the `asked` it would otherwise have lent `borrower`.
    mutating func logRationing(_ borrower: Int, lender: Int, asked: Double, granted: Double, check: RationingCheck) {
        let reason = check.reason
        log.add(
            .creditRationed, period: t, entity: borrower, counterparty: lender, amount: asked - granted,
            cause: .creditRationed(
                borrower: table.names[borrower], lender: table.names[lender], asked: asked, granted: granted, reason: reason))
    }
}
