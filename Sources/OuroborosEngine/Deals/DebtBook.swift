internal import OuroborosCore

/// The kinds of debt the engine carries, each with its ledger instrument.
enum DebtKind: UInt8, Sendable {
    case bond, bankLoan, privateCredit, vendorLoan, pledgeLoan

    /// The event a new draw of this kind records.
    var drawEvent: EngineEvent.Kind {
        switch self {
        case .bond: .bondIssued
        case .bankLoan, .pledgeLoan: .loanDrawn
        case .privateCredit: .privateCreditDrawn
        case .vendorLoan: .vendorLoanDrawn
        }
    }

    /// A word for sentences.
    var noun: String {
        switch self {
        case .bond: "bonds"
        case .bankLoan: "bank loan"
        case .privateCredit: "private credit"
        case .vendorLoan: "vendor loan"
        case .pledgeLoan: "share-pledge loan"
        }
    }
}

/// Every bond, loan and private-credit position (M4, M9): lender, borrower, principal, pricing and
/// maturity, structure of arrays. Interest is paid each period at the fixed rate, or, when floating,
/// at the policy rate plus the position's base spread plus the borrower's credit add-on of the period
/// (`CreditPricing`, capped at `spreadCap`; share-pledge loans, secured by their shares, pay the base
/// spread only); principal is due at maturity and refinanced when it cannot be repaid.
struct DebtBook: Sendable {
    /// What kind of debt.
    var kind: [DebtKind] = []
    /// Lender and borrower.
    var lender: [Int] = [], borrower: [Int] = []
    /// Principal outstanding.
    var principal: [Double] = []
    /// Spread over the policy rate (floating) and the fixed rate (NaN when floating).
    var spread: [Double] = [], fixedRate: [Double] = []
    /// Period the principal is due (Int.max: none).
    var maturity: [Int] = []
    /// Term in periods, used when a position is rolled over.
    var term: [Int] = []
    /// The deal index, or -1 for opening or engine-raised debt.
    var deal: [Int] = []
    /// State (pending until first drawn for deal-based lines).
    var state: [DealState] = []
    /// Scheduled draws of deal-based positions, sorted by period: position, period, amount.
    var drawPosition: [Int] = [], drawPeriod: [Int] = [], drawAmount: [Double] = []
    /// The next draw not yet made.
    var drawCursor = 0
    /// The positions of each borrower and of each lender.
    var byBorrower = EntityIndex(), byLender = EntityIndex()
    /// Each borrower's credit add-on this period, by entity (set by `priceCredit`; empty: none).
    var creditAddOn: [Double] = []
    /// The highest spread the add-on takes a floating position to (`market.credit_spread_max`).
    var spreadCap = Double.infinity

    /// The number of positions.
    var count: Int { kind.count }

    /// Adds a position with `principal` already drawn; returns its index.
    @discardableResult
    mutating func add(
        _ k: DebtKind, lender l: Int, borrower b: Int, principal p: Double, spread s: Double,
        fixedRate r: Double = .nan, maturity m: Int, term n: Int, deal d: Int = -1
    ) -> Int {
        kind.append(k)
        lender.append(l)
        borrower.append(b)
        principal.append(p)
        spread.append(s)
        fixedRate.append(r)
        maturity.append(m)
        term.append(max(1, n))
        deal.append(d)
        state.append(p > 0 ? .active : .pending)
        byBorrower.add(kind.count - 1, to: b)
        byLender.add(kind.count - 1, to: l)
        return kind.count - 1
    }

    /// Schedules a draw on position `position`; call `sortDraws()` once all are added.
    mutating func scheduleDraw(position: Int, period: Int, amount: Double) {
        drawPosition.append(position)
        drawPeriod.append(period)
        drawAmount.append(amount)
    }

    /// Sorts the scheduled draws by period (stable).
    mutating func sortDraws() {
        let order = PeriodOrder.of(drawPeriod)
        drawPosition = drawPosition.permuted(order)
        drawPeriod = drawPeriod.permuted(order)
        drawAmount = drawAmount.permuted(order)
    }

    /// The annual interest rate of position `d` at policy rate `r`: fixed, or floating at the borrower's spread now.
    @inline(__always) func rate(_ d: Int, policyRate r: Double) -> Double {
        guard fixedRate[d].isNaN else { return fixedRate[d] }
        let b = borrower[d]
        guard kind[d] != .pledgeLoan, b < creditAddOn.count else { return max(0, r + spread[d]) }
        return max(0, r + spread[d] + min(max(0, creditAddOn[b]), max(0, spreadCap - spread[d])))
    }

    /// The ledger instrument of kind `k`.
    static func instrument(_ k: DebtKind, in chart: ChartOfAccounts) -> InstrumentID {
        switch k {
        case .bond: chart.bonds
        case .bankLoan, .pledgeLoan: chart.loans
        case .privateCredit: chart.privateCredit
        case .vendorLoan: chart.vendorLoans
        }
    }
}
