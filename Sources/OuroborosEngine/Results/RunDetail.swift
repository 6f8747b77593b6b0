public import OuroborosCore

/// What a detailed run keeps beyond `NetworkRunResult`, for reports: who paid whom in each period,
/// the balance-sheet and transactions-flow matrices of every period, and revenue by origin per period.
///
/// Produced only by `NetworkSimulation.runWithDetail(seed:)`; a plain `run(seed:)` pays nothing for it.
public struct RunDetail: Sendable {
    /// Every entity in the books, scenario entities first.
    public var participants: [RunParticipant]
    /// Period labels 0 … T, as in the result.
    public var periodLabels: [String]
    /// Payments and financing between entities, by period, then payer, payee and channel.
    public var flows: [PaymentFlow]
    /// The balance-sheet matrix (sectors as columns) at the end of each period 0 … T.
    public var balanceSheets: [SFCMatrix]
    /// The transactions-flow matrix (sectors as columns) of each period 0 … T (period 0: the opening).
    public var transactionsFlows: [SFCMatrix]
    /// Revenue by origin, `[period][participant]` for periods 0 … T (period 0 all zero); nil when
    /// funds tracing (M2) is off.
    public var revenueByOrigin: [[OriginAmounts]]?

    /// Creates a detail record.
    public init(
        participants: [RunParticipant], periodLabels: [String], flows: [PaymentFlow], balanceSheets: [SFCMatrix],
        transactionsFlows: [SFCMatrix], revenueByOrigin: [[OriginAmounts]]?
    ) {
        self.participants = participants
        self.periodLabels = periodLabels
        self.flows = flows
        self.balanceSheets = balanceSheets
        self.transactionsFlows = transactionsFlows
        self.revenueByOrigin = revenueByOrigin
    }

    /// The flows of period `period`.
    public func flows(in period: Int) -> [PaymentFlow] { flows.filter { $0.period == period } }

    /// The participant with this id.
    public func participant(_ id: String) -> RunParticipant? { participants.first { $0.id == id } }
}
