/// Something that happened to an entity in a period: a deal paid, a round raised, a failure.
public struct EngineEvent: Sendable, Hashable, CustomStringConvertible {
    /// What kind of event.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A pledged-share loan passed its margin-call loan-to-value (M11).
        case marginCall
        /// Assets sold to raise cash at impact-moved prices (M10, M11).
        case forcedSale
        /// A payment made only in part (M3, M11).
        case missedPayment
        /// The entity could not meet its obligations and defaulted (M11).
        case `default`
        /// A compute contract, chip order or commitment was cancelled (M3, M4).
        case contractCancelled
        /// A funding round or an equity tranche failed (M1, M6, M10).
        case failedRound
        /// A funding round was raised (M6).
        case roundRaised
        /// An equity tranche of a deal was paid (M1).
        case trancheFunded
        /// Bonds were issued (M4).
        case bondIssued
        /// A bank loan was drawn (M4, M9).
        case loanDrawn
        /// A private-credit loan was drawn (M4).
        case privateCreditDrawn
        /// A vendor loan was drawn.
        case vendorLoanDrawn
        /// Accelerators were delivered and paid for (M5).
        case chipDelivery
        /// Built capacity was energised (M5).
        case capacityEnergised
        /// Built capacity could not be powered (M5).
        case capacityStranded
        /// Discretionary capex was deferred or cut (M4).
        case capexCut
        /// A creditor or shareholder wrote off a loss (M11).
        case loss
        /// A hedge fund paid redemptions (M10).
        case redemption
        /// A deal was announced (M1).
        case announcement
        /// A shock hit (rate, liquidity, chips, power, demand, credit, default, crypto, sentiment).
        case shock
        /// Warrants vested.
        case warrantVested
        /// A capacity backstop paid for unsold capacity.
        case backstopPaid
        /// The parties dropped the rest (or a share) of a deal, as the record reports: agreed, not a failure.
        case dealWithdrawn
        /// Households committed new LP money to a venture fund (M6).
        case lpInflow
        /// A credit fund paid only part of its redemption requests; the rest is queued behind its gate (M10).
        case redemptionGated
        /// Banks or private credit lent a borrower less than it asked: its credit limit or coverage (M4).
        case creditRationed

        /// Whether the event is a failure (it can start or continue a chain).
        public var isFailure: Bool {
            switch self {
            case .marginCall, .forcedSale, .missedPayment, .default, .contractCancelled, .failedRound,
                .capexCut, .loss, .capacityStranded, .redemptionGated:
                true
            default:
                false
            }
        }

        /// Whether the event strains the market when it happens to an entity on a capital cycle (M11):
        /// each lowers sentiment by `sentiment_strain_hit` and adds `premium_strain_hit` to the strain
        /// premium at the next sentiment update. Defaults are counted apart (`sentiment_default_hit`,
        /// `premium_default_hit`). A new kind of strain is one more case here.
        public var isStrain: Bool {
            switch self {
            case .contractCancelled, .missedPayment: true
            default: false
            }
        }
    }

    /// The period, 1 … T.
    public var period: Int
    /// The period's label, e.g. `2026-03`.
    public var label: String
    /// The id of the entity it happened to: a scenario entity, or one the engine adds when the
    /// scenario has none (`households`, `banks`, `central_bank`, `bond_investors`, `other_listed`).
    public var entity: String
    /// The id of the counterparty, if any.
    public var counterparty: String?
    /// The id of the deal or market involved, if any.
    public var deal: String?
    /// What happened.
    public var type: Kind
    /// The amount involved, USD (GW for capacity events).
    public var amount: Double
    /// Why, as data (the names and figures involved).
    public var reason: EventCause

    /// One sentence saying why, written from `reason` (setting it replaces the reason by the sentence).
    public var cause: String {
        get { reason.description }
        set { reason = .text(newValue) }
    }

    /// Creates an event whose cause is a written sentence.
    public init(
        period: Int, label: String, entity: String, counterparty: String? = nil, deal: String? = nil,
        type: Kind, amount: Double, cause: String
    ) {
        self.init(
            period: period, label: label, entity: entity, counterparty: counterparty, deal: deal, type: type, amount: amount,
            reason: .text(cause))
    }

    /// Creates an event.
    public init(
        period: Int, label: String, entity: String, counterparty: String? = nil, deal: String? = nil,
        type: Kind, amount: Double, reason: EventCause
    ) {
        self.period = period
        self.label = label
        self.entity = entity
        self.counterparty = counterparty
        self.deal = deal
        self.type = type
        self.amount = amount
        self.reason = reason
    }

    /// Events are equal when they say the same: the same fields and the same sentence.
    public static func == (a: EngineEvent, b: EngineEvent) -> Bool {
        a.period == b.period && a.label == b.label && a.entity == b.entity && a.counterparty == b.counterparty
            && a.deal == b.deal && a.type == b.type && a.amount == b.amount && a.cause == b.cause
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(period)
        hasher.combine(entity)
        hasher.combine(type)
        hasher.combine(amount)
        hasher.combine(cause)
    }

    /// `2026-03 default openai: CAUSE`.
    public var description: String { "\(label) \(type.rawValue) \(entity): \(cause)" }
}
