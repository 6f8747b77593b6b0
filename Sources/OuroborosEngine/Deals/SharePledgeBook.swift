/// Share pledges (M11): an insider borrows from a bank against pledged shares; a margin call comes
/// when the loan-to-value passes `marginLTV` and is met with cash, then by selling shares to `targetLTV`.
struct SharePledgeBook: Sendable {
    /// The deal index.
    var deal: [Int] = []
    /// The insider and the lending bank.
    var insider: [Int] = [], bank: [Int] = []
    /// The market whose shares are pledged and the units pledged.
    var market: [Int] = [], units: [Double] = []
    /// The loan (a position in the debt book).
    var loan: [Int] = []
    /// Margin-call and target loan-to-value.
    var marginLTV: [Double] = [], targetLTV: [Double] = []
    /// The period the loan is drawn.
    var signed: [Int] = []
    /// State of each pledge.
    var state: [DealState] = []

    /// The number of pledges.
    var count: Int { deal.count }
}
