/// Every deal of a run, compiled into the books the period loop works on.
struct DealBooks: Sendable {
    /// Take-or-pay compute contracts (M3).
    var contracts = ComputeContractBook()
    /// Accelerator orders (M5).
    var orders = ChipOrderBook()
    /// Equity tranches (M1).
    var equity = EquityTrancheBook()
    /// Bonds, loans, private credit, vendor and pledge loans (M4, M9).
    var debt = DebtBook()
    /// Share pledges (M11).
    var pledges = SharePledgeBook()
    /// Capacity backstops.
    var backstops = BackstopBook()
    /// Warrant vesting.
    var warrants = GrantBook()
    /// Capex plans (M4).
    var capexPlans = GrantBook()
    /// Announcements (M1).
    var announcements = AnnouncementBook()
    /// Scripted withdrawals of the rest of a deal.
    var withdrawals = WithdrawalBook()
}
