public import OuroborosCore

/// Why an event happened, as data: the engine records the names and figures, and the sentence is
/// written only when someone reads it (a Monte Carlo run records a thousand events it never prints).
///
/// Money reads `$273.3B` (four significant digits), shares `42%`, gigawatts and months with fixed
/// decimals. `.text` holds a sentence written elsewhere (an event read back from a file).
public enum EventCause: Sendable, Hashable, CustomStringConvertible {
    /// A holder sold assets to raise cash at impact-moved prices (M10).
    case forcedSale(seller: String, proceeds: Double, market: String, shareOfMark: Double, reason: SaleReason)
    /// A cloud could pay only part of its operating costs.
    case operatingShortfall(cloud: String, share: Double, costs: Double)
    /// Planned capex was cut for want of funds (M4).
    case capexCut(spender: String, amount: Double)
    /// Chip deliveries were deferred for want of funds (M4, M5).
    case deliveriesDeferred(buyer: String, amount: Double, seller: String)
    /// A chip order was cancelled (`deal` nil for an order of a capex plan).
    case chipOrderCancelled(deal: String?, buyer: String, seller: String, undelivered: Double, reason: CancellationReason)
    /// New debt raised down the funding hierarchy (M4, M9).
    case debtRaised(borrower: String, amount: Double, debt: String, lender: String, purpose: String, rate: Double)
    /// A lab or wrapper could pay only part of its bills (opex, compute, API fees).
    case billsShortfall(entity: String, share: Double, due: Double)
    /// A compute contract was cancelled with `left` unrecognised (M3).
    case computeContractCancelled(deal: String, buyer: String, seller: String, left: Double, reason: CancellationReason)
    /// Built capacity was energised (M5).
    case capacityEnergised(entity: String, added: Double, now: Double)
    /// Built capacity has no power (M5).
    case capacityStranded(entity: String, stranded: Double, gridPower: Double, ready: Double)
    /// A shock hit, as written.
    case shock(text: String)
    /// The credit freeze stopped a scheduled draw.
    case drawFrozen(borrower: String, amount: Double, debt: String)
    /// A scheduled draw of a deal's debt.
    case debtDrawn(borrower: String, amount: Double, debt: String, lender: String)
    /// A debt payment (`what`: interest or principal) was missed.
    case debtPaymentMissed(borrower: String, amount: Double, what: String, debt: String, lender: String)
    /// A round failed because sentiment was below the lab's threshold (M6, M7).
    case roundFailedOnSentiment(entity: String, sought: Double, runwayMonths: Double, sentiment: Double, threshold: Double)
    /// A round failed because no investor had cash to deploy (M6).
    case roundFailedForWantOfInvestors(entity: String, sought: Double)
    /// A round was raised (M6).
    case roundRaised(entity: String, raised: Double, postMoney: Double, multiple: Double, runwayMonths: Double)
    /// The parties dropped `share` of what was left of a deal, as the record reports (M1).
    case dealWithdrawn(deal: String, from: String, to: String, share: Double, dropped: Double, note: String)
    /// Households committed LP money to a venture fund (M6).
    case lpInflow(fund: String, amount: Double, annualReturn: Double, sentiment: Double)
    /// A credit fund's redemption requests, what it paid and what its gate held back (M10).
    case creditFundRedemption(fund: String, requested: Double, paid: Double, gated: Double)
    /// A deal was announced (M1).
    case announcement(from: String, to: String, kind: String, deal: String, amount: Double)
    /// An equity tranche was paid (M1).
    case trancheFunded(investor: String, amount: Double, deal: String, investee: String)
    /// An investor could not pay an equity tranche (M1, M10).
    case trancheFailed(investor: String, available: Double, amount: Double, deal: String, investee: String)
    /// Warrants vested.
    case warrantVested(holder: String, issuer: String, value: Double)
    /// Accelerators were delivered (M5).
    case chipDelivery(seller: String, units: Double, gigawatts: Double, buyer: String)
    /// A vendor bought a cloud's unsold capacity under a backstop.
    case backstopPaid(vendor: String, payment: Double, cloud: String, deal: String)
    /// Investors redeemed from a hedge fund after a loss (M10).
    case redemption(fund: String, paid: Double, loss: Double)
    /// A pledged share's price crossed the margin-call loan-to-value (M11).
    case marginCall(market: String, price: Double, loanToValue: Double, threshold: Double)
    /// Selling every pledged share left part of a pledge loan unpaid (M11).
    case pledgeDefaulted(insider: String, deal: String, unpaid: Double, shortfall: Double)
    /// A bank wrote off the rest of a share-pledge loan (M11).
    case pledgeWrittenOff(bank: String, loss: Double, insider: String)
    /// An entity defaulted (M11).
    case defaulted(DefaultReason)
    /// An equity tranche was cancelled.
    case trancheCancelled(deal: String, reason: CancellationReason)
    /// A lender wrote off what a defaulter did not repay (M11).
    case loanWrittenOff(lender: String, loss: Double, borrower: String, recovery: Double)
    /// A shareholder wrote off its private stake in a defaulter (M11).
    case stakeWrittenOff(holder: String, loss: Double, issuer: String)
    /// Banks or private credit lent `granted` of the `asked` they would otherwise have lent (M4).
    case creditRationed(borrower: String, lender: String, asked: Double, granted: Double, reason: RationingReason)
    /// DebtRank: a firm lost `induced` more of its equity to the losses of those it is exposed to (M11).
    case distressPropagated(entity: String, distress: Double, induced: Double, equityLoss: Double)
    /// A private stake was marked down by its issuer's DebtRank distress (M11).
    case stakeMarkedDown(holder: String, loss: Double, issuer: String, distress: Double)
    /// A sentence written elsewhere.
    case text(String)

    /// Why a borrower was rationed (M4).
    public enum RationingReason: Sendable, Hashable, CustomStringConvertible {
        /// Its debt reached its credit limit.
        case creditLimit(debt: Double, limit: Double)
        /// Its interest coverage is below the floor: only contract-backed lending (its limit is that part).
        case coverageBelowFloor(coverage: Double, floor: Double, debt: Double, limit: Double)

        public var description: String {
            switch self {
            case .creditLimit(let debt, let limit): "its debt \(usd(debt)) reached its credit limit \(usd(limit))"
            case .coverageBelowFloor(let coverage, let floor, let debt, let limit):
                "its interest coverage \(fixed(coverage, 2))× is below the floor of \(fixed(floor, 2))×, "
                    + "so it may borrow only against its backlog, up to \(usd(limit)) (debt \(usd(debt)))"
            }
        }
    }

    /// Why a holder sold.
    public enum SaleReason: Sendable, Hashable, CustomStringConvertible {
        /// To pay an equity tranche.
        case tranche(amount: Double, deal: String, investee: String)
        /// To pay a hedge fund's redemptions.
        case redemptions
        /// To meet a margin call on a share pledge.
        case marginCall(deal: String)

        public var description: String {
            switch self {
            case .tranche(let amount, let deal, let investee): "to meet tranche \(usd(amount)) of \(deal) to \(investee)"
            case .redemptions: "to meet redemptions"
            case .marginCall(let deal): "to meet a margin call on \(deal)"
            }
        }
    }

    /// Why a contract, order or tranche was cancelled.
    public enum CancellationReason: Sendable, Hashable, CustomStringConvertible {
        /// The buyer could not pay its compute bills (M3).
        case computeBillsUnpaid(buyer: String)
        /// A party defaulted.
        case partyDefaulted(String)
        /// The buyer deferred delivery longer than its limit (M4).
        case deliveryUnfunded(buyer: String, periods: Int)

        public var description: String {
            switch self {
            case .computeBillsUnpaid(let buyer): "\(buyer) could not pay its compute bills"
            case .partyDefaulted(let party): "\(party) defaulted"
            case .deliveryUnfunded(let buyer, let periods): "\(buyer) could not fund delivery for \(periods) periods"
            }
        }
    }

    /// Why an entity defaulted.
    public enum DefaultReason: Sendable, Hashable, CustomStringConvertible {
        /// A `default:` shock.
        case shock(entity: String)
        /// It paid less than its default threshold of its bills.
        case billsUnpaid(entity: String, share: Double)
        /// A cloud could not meet its operating costs.
        case operatingCostsUnpaid(cloud: String)
        /// It could not pay interest or principal and could not refinance.
        case debtUnpaid(borrower: String, what: String, debt: String)

        public var description: String {
            switch self {
            case .shock(let entity): "\(entity) defaulted by the default shock"
            case .billsUnpaid(let entity, let share): "\(entity) could pay only \(percent(share)) of its bills and found no more funding"
            case .operatingCostsUnpaid(let cloud): "\(cloud) could not meet its operating costs after the funding hierarchy"
            case .debtUnpaid(let borrower, let what, let debt): "\(borrower) could not pay \(what) on its \(debt) and could not refinance it"
            }
        }
    }

    /// The sentence.
    public var description: String {
        switch self {
        case .forcedSale(let seller, let proceeds, let market, let share, let reason):
            return "\(seller) sold \(usd(proceeds)) of \(market) at \(percent(share)) of the mark \(reason)"
        case .operatingShortfall(let cloud, let share, let costs):
            return "\(cloud) could pay only \(percent(share)) of \(usd(costs)) operating costs"
        case .capexCut(let spender, let amount):
            return "\(spender) cut \(usd(amount)) of planned capex it could not fund"
        case .deliveriesDeferred(let buyer, let amount, let seller):
            return "\(buyer) deferred \(usd(amount)) of chip deliveries from \(seller) for want of funds"
        case .chipOrderCancelled(let deal, let buyer, let seller, let rest, let reason):
            return "chip order \(deal ?? "from a capex plan") (\(buyer) → \(seller)) cancelled with \(usd(rest)) undelivered: \(reason)"
        case .debtRaised(let borrower, let amount, let debt, let lender, let purpose, let rate):
            return "\(borrower) raised \(usd(amount)) of \(debt) from \(lender) \(purpose) at \(percent(rate)) a year"
        case .billsShortfall(let entity, let share, let due):
            return "\(entity) could pay only \(percent(share)) of \(usd(due)) due (opex, compute, API fees)"
        case .computeContractCancelled(let deal, let buyer, let seller, let left, let reason):
            return "compute contract \(deal) (\(buyer) → \(seller)) cancelled with \(usd(left)) left: \(reason)"
        case .capacityEnergised(let entity, let added, let now):
            return "\(entity) energised \(fixed(added, 2)) GW (now \(fixed(now, 2)) GW)"
        case .capacityStranded(let entity, let stranded, let power, let ready):
            return "\(entity) has \(fixed(stranded, 2)) GW built but unpowered: grid power \(fixed(power, 1)) GW for \(fixed(ready, 1)) GW ready"
        case .shock(let text):
            return "shock \(text)"
        case .drawFrozen(let borrower, let amount, let debt):
            return "the credit freeze stopped \(borrower)'s \(usd(amount)) \(debt) draw"
        case .debtDrawn(let borrower, let amount, let debt, let lender):
            return "\(borrower) drew \(usd(amount)) of \(debt) from \(lender)"
        case .debtPaymentMissed(let borrower, let amount, let what, let debt, let lender):
            return "\(borrower) missed \(usd(amount)) of \(what) on its \(debt) to \(lender)"
        case .roundFailedOnSentiment(let entity, let sought, let runway, let sentiment, let threshold):
            return
                "\(entity) sought \(usd(sought)) with \(fixed(runway, 1)) months of runway but sentiment \(fixed(sentiment, 2)) is below \(fixed(threshold, 2))"
        case .roundFailedForWantOfInvestors(let entity, let sought):
            return "\(entity) sought \(usd(sought)) but no venture or sovereign investor has cash to deploy"
        case .roundRaised(let entity, let raised, let post, let multiple, let runway):
            let priced = multiple.isFinite ? " (\(fixed(multiple, 1))× annual revenue)" : ""
            return "\(entity) raised \(usd(raised)) at \(usd(post)) post-money\(priced) with \(fixed(runway, 1)) months of runway left"
        case .dealWithdrawn(let deal, let from, let to, let share, let dropped, let note):
            let what = share >= 1 ? "the rest" : "\(percent(share)) of the rest"
            return "\(from) and \(to) dropped \(what) of \(deal) (\(usd(dropped)))" + (note.isEmpty ? "" : ": \(note)")
        case .lpInflow(let fund, let amount, let annualReturn, let sentiment):
            return "limited partners committed \(usd(amount)) to \(fund) (return \(percent(annualReturn)) a year, sentiment \(fixed(sentiment, 2)))"
        case .creditFundRedemption(let fund, let requested, let paid, let gated):
            return gated > 1
                ? "investors asked \(fund) for \(usd(requested)); it paid \(usd(paid)) and gated \(usd(gated))"
                : "investors redeemed \(usd(paid)) from \(fund)"
        case .announcement(let from, let to, let kind, let deal, let amount):
            return "\(from) and \(to) announced \(kind) \(deal) of \(usd(amount))"
        case .trancheFunded(let investor, let amount, let deal, let investee):
            return "\(investor) paid \(usd(amount)) of \(deal) for new shares of \(investee)"
        case .trancheFailed(let investor, let available, let amount, let deal, let investee):
            return "\(investor) had \(usd(available)) for a \(usd(amount)) tranche of \(deal) to \(investee)"
        case .warrantVested(let holder, let issuer, let value):
            return "\(holder) vested warrants on \(issuer) worth \(usd(value))"
        case .chipDelivery(let seller, let units, let gigawatts, let buyer):
            return "\(seller) delivered \(fixed(units / 1000, 1))k accelerators (\(fixed(gigawatts, 2)) GW) to \(buyer)"
        case .backstopPaid(let vendor, let payment, let cloud, let deal):
            return "\(vendor) bought \(usd(payment)) of \(cloud)'s unsold capacity under \(deal)"
        case .redemption(let fund, let paid, let loss):
            return "investors redeemed \(usd(paid)) from \(fund) after a \(percent(loss)) loss"
        case .marginCall(let market, let price, let ltv, let threshold):
            return "\(market) fell to \(usd(price)): loan-to-value \(percent(ltv)) passed \(percent(threshold))"
        case .pledgeDefaulted(let insider, let deal, let unpaid, let shortfall):
            return
                "\(insider)'s pledge \(deal) defaulted: selling every pledged share left \(usd(unpaid)) of the loan unpaid (shortfall \(usd(shortfall)))"
        case .pledgeWrittenOff(let bank, let loss, let insider):
            return "\(bank) wrote off \(usd(loss)) on \(insider)'s share-pledge loan"
        case .defaulted(let reason):
            return reason.description
        case .trancheCancelled(let deal, let reason):
            return "equity tranche of \(deal) cancelled: \(reason)"
        case .loanWrittenOff(let lender, let loss, let borrower, let recovery):
            return "\(lender) wrote off \(usd(loss)) lent to defaulted \(borrower) (recovery \(percent(recovery)))"
        case .stakeWrittenOff(let holder, let loss, let issuer):
            return "\(holder) wrote off its \(usd(loss)) stake in defaulted \(issuer)"
        case .creditRationed(let borrower, let lender, let asked, let granted, let reason):
            return "\(lender) lent \(borrower) \(usd(granted)) of \(usd(asked)): \(reason)"
        case .distressPropagated(let entity, let distress, let induced, let loss):
            return
                "\(entity) lost \(percent(induced)) more of its equity (\(usd(loss))) to the losses of those it is exposed to (DebtRank distress \(percent(distress)))"
        case .stakeMarkedDown(let holder, let loss, let issuer, let distress):
            return "\(holder) marked its stake in \(issuer) down by \(usd(loss)) (DebtRank distress \(percent(distress)))"
        case .text(let text):
            return text
        }
    }
}

/// `$1.2B`, `-$350M`, `$273.3B`: Core's money formatter with four significant digits.
private func usd(_ value: Double) -> String {
    MoneyAmount(value).formatted(significantDigits: 4)
}

/// `42%`.
private func percent(_ share: Double) -> String {
    guard share.isFinite else { return "\(share)" }
    return "\(DecimalText.fixed(share * 100, decimals: 0))%"
}

/// `x` with `places` decimals.
private func fixed(_ value: Double, _ places: Int) -> String {
    DecimalText.fixed(value, decimals: places)
}
