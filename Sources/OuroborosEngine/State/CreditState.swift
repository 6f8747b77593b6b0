/// What the credit pricing of the period read for each borrower (M4), filled in place by
/// `priceCredit` every period (no allocation): its debt, the interest it owes per year at the
/// period's rates, its leverage and its interest coverage. The add-on the pricing gives is kept on
/// the debt book (`DebtBook.creditAddOn`), where every floating position reads it.
struct CreditState: Sendable {
    /// Debt counted by the pricing (every position but share-pledge loans), USD.
    var debt: [Double]
    /// Interest owed per year at the period's rates, USD.
    var interest: [Double]
    /// Debt / annual operating cash flow (capped), and operating cash flow / interest (infinite without interest).
    var leverage: [Double], coverage: [Double]

    /// The state of `count` entities before the first pricing: no debt, infinite coverage.
    init(count: Int) {
        debt = [Double](repeating: 0, count: count)
        interest = debt
        leverage = debt
        coverage = [Double](repeating: .infinity, count: count)
    }
}
