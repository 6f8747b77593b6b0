public import OuroborosCore

/// A dated deal between two entities: announced, signed, paid in tranches or on a schedule.
public struct DealSpec: Sendable {
    /// The kinds of deal the engine knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `from` buys newly issued equity of `to` (a funding round or strategic stake).
        case equityInvestment = "equity_investment"
        /// Take-or-pay compute: `from` (buyer) pays `to` (cloud) on a schedule; backlog until delivered.
        case computeContract = "compute_contract"
        /// `from` (buyer) orders accelerators from `to` (chipmaker), delivered after a lag, paid on delivery.
        case chipOrder = "chip_order"
        /// `from` (vendor) guarantees to buy `to`'s unsold capacity up to `amount`.
        case capacityBackstop = "capacity_backstop"
        /// `from` lends to `to` (its customer) to buy `from`'s products.
        case vendorFinancing = "vendor_financing"
        /// `from` grants `to` warrants on `from`'s shares, vesting with conditions.
        case warrant
        /// `to` issues bonds bought by `from` (bond investors).
        case bond
        /// `from` (a bank) lends to `to`.
        case bankLoan = "bank_loan"
        /// `from` (a private-credit fund or SPV) lends to `to`.
        case privateCredit = "private_credit"
        /// `from` (an insider) pledges shares of market `market` to borrow from `to` (a bank).
        case sharePledge = "share_pledge"
        /// `from` plans capex of `amount` over the schedule (paid to chipmakers and builders).
        case capexPlan = "capex_plan"
    }

    /// One payment of a deal.
    public struct Tranche: Sendable, Hashable {
        /// The period it is due.
        public var period: Int
        /// The amount, USD.
        public var amount: Double
        /// Condition, e.g. paid only when `gw` gigawatts are deployed by the recipient.
        public var conditionGW: Double?

        /// Creates a tranche.
        public init(period: Int, amount: Double, conditionGW: Double? = nil) {
            self.period = period
            self.amount = amount
            self.conditionGW = conditionGW
        }
    }

    /// A scripted withdrawal: from `period` the parties drop `share` of what is left of the deal (a
    /// letter of intent that stalls, an expansion called off). It is agreed, so it is news (M1) but
    /// not a failure: it never breaks the loop by itself.
    public struct Withdrawal: Sendable, Hashable {
        /// The period from which the rest of the deal is dropped.
        public var period: Int
        /// The share of what is left that is dropped, in (0, 1].
        public var share: Double
        /// What happened, in words.
        public var note: String
        /// Where it is reported.
        public var source: DealSource?

        /// Creates a withdrawal.
        public init(period: Int, share: Double = 1, note: String = "", source: DealSource? = nil) {
            self.period = period
            self.share = share
            self.note = note
            self.source = source
        }
    }

    /// Id, e.g. `F029`.
    public var id: String
    /// What kind of deal.
    public var kind: Kind
    /// The paying or investing side (buyer, investor, lender, pledger).
    public var from: String
    /// The receiving side (seller, investee, borrower, lending bank).
    public var to: String
    /// Headline amount, USD.
    public var amount: Double
    /// When it was announced (moves prices through reflexivity) and signed.
    public var announced: Int
    public var signed: Int
    /// Payments: explicit tranches (summing to `amount`) or an even schedule over `scheduleMonths` from `start`.
    public var tranches: [Tranche]
    /// Gigawatts of capacity involved, if any.
    public var gigawatts: Double?
    /// Unit price of accelerators (chip orders), USD.
    public var unitPrice: Double?
    /// Months between order and delivery (chip orders).
    public var deliveryLag: Int
    /// Interest rate or spread over the policy rate (loans, bonds), per year.
    public var rate: Double?
    /// Period the principal is due (loans, bonds).
    public var maturity: Int?
    /// Share pledges: the market whose shares are pledged, the units pledged, the loan-to-value
    /// at which a margin call is made and the target it is restored to.
    public var market: String?
    public var pledgedUnits: Double?
    public var marginCallLTV: Double?
    public var targetLTV: Double?
    /// Where the figure comes from, when reported.
    public var source: DealSource?
    /// The withdrawal of the deal's rest, when the record reports one.
    public var withdrawal: Withdrawal?
    /// The reported post-money valuation of the round an equity investment belongs to: the
    /// investee's private mark is set to it when a tranche is paid (M7).
    public var postMoney: Double?
    /// True when the figure is an assumption rather than a report.
    public var assumption: Bool
    /// Terms in words.
    public var note: String
    /// Where the deal is written.
    public var location: SourceLocation?

    /// Creates a deal.
    public init(
        id: String, kind: Kind, from: String, to: String, amount: Double, announced: Int, signed: Int,
        tranches: [Tranche], gigawatts: Double? = nil, unitPrice: Double? = nil, deliveryLag: Int = 0,
        rate: Double? = nil, maturity: Int? = nil, market: String? = nil, pledgedUnits: Double? = nil,
        marginCallLTV: Double? = nil, targetLTV: Double? = nil, source: DealSource? = nil,
        assumption: Bool = false, note: String = "", location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
        self.amount = amount
        self.announced = announced
        self.signed = signed
        self.tranches = tranches
        self.gigawatts = gigawatts
        self.unitPrice = unitPrice
        self.deliveryLag = deliveryLag
        self.rate = rate
        self.maturity = maturity
        self.market = market
        self.pledgedUnits = pledgedUnits
        self.marginCallLTV = marginCallLTV
        self.targetLTV = targetLTV
        self.source = source
        self.assumption = assumption
        self.note = note
        self.location = location
    }
}
