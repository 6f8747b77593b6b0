public import OuroborosCore

/// An AI-capex network scenario (`kind: network`) after loading and validation: the calendar,
/// the entities with their opening balance sheets, the markets, the dated deals, behaviour
/// parameters, macro paths and shocks. Names are resolved; dates are period indices.
///
/// Period 0 is the opening balance sheet (the month before `calendar.start`); period 1 is the
/// first simulated step. Every element keeps the place it was written for error messages.
public struct NetworkScenario: Sendable {
    /// The scenario's name, e.g. `ai-capex-2025`.
    public var name: String
    /// One paragraph for listings and reports.
    public var description: String
    /// Start, step and horizon.
    public var calendar: ScenarioCalendar
    /// The seed of the random generator for the stochastic parts.
    public var seed: UInt64
    /// Every entity, in file order (dense index = position).
    public var entities: [EntitySpec]
    /// Listed equity, crypto and other traded assets, in file order.
    public var markets: [MarketSpec]
    /// Dated deals, in file order.
    public var deals: [DealSpec]
    /// Behaviour parameters: `behaviour[sectorRawValue][parameter]`, defaults filled in.
    public var behaviour: [String: [String: Double]]
    /// Policy rate, liquidity and reserve-ratio paths, one value per period 0…periods.
    public var macro: MacroPaths
    /// Shocks written in the file (the command line may add more).
    public var shocks: [NetworkShock]
    /// Mechanisms switched off (`mechanisms: {M4: off}`); all on by default.
    public var disabledMechanisms: Set<Mechanism>
    /// Parameters drawn from distributions in experiments (`uncertain:`); a plain run uses the values as written.
    public var uncertain: [UncertainParameter] = []

    /// Creates a scenario.
    public init(
        name: String, description: String = "", calendar: ScenarioCalendar, seed: UInt64 = 1,
        entities: [EntitySpec] = [], markets: [MarketSpec] = [], deals: [DealSpec] = [],
        behaviour: [String: [String: Double]] = [:], macro: MacroPaths, shocks: [NetworkShock] = [],
        disabledMechanisms: Set<Mechanism> = []
    ) {
        self.name = name
        self.description = description
        self.calendar = calendar
        self.seed = seed
        self.entities = entities
        self.markets = markets
        self.deals = deals
        self.behaviour = behaviour
        self.macro = macro
        self.shocks = shocks
        self.disabledMechanisms = disabledMechanisms
    }

    /// The dense index of the entity with this id.
    public func entityIndex(_ id: String) -> Int? { entities.firstIndex { $0.id == id } }
    /// The dense index of the market with this id.
    public func marketIndex(_ id: String) -> Int? { markets.firstIndex { $0.id == id } }
}

/// The mechanisms of MODEL.md that a scenario can switch off one by one.
public enum Mechanism: String, Sendable, Hashable, CaseIterable {
    case liquidityLoop = "M1"
    case syntheticWealth = "M2"
    case computeContracts = "M3"
    case fundingHierarchy = "M4"
    case physicalLimits = "M5"
    case subsidyChain = "M6"
    case valuation = "M7"
    case centralBank = "M8"
    case moneyMultiplier = "M9"
    case forcedSellers = "M10"
    case contagion = "M11"
}

/// Calendar of a run: first month, months per step, number of steps.
public struct ScenarioCalendar: Sendable, Hashable {
    /// Year of the first simulated period.
    public var startYear: Int
    /// Month (1–12) of the first simulated period.
    public var startMonth: Int
    /// 1 for monthly steps, 3 for quarterly.
    public var monthsPerStep: Int
    /// Number of simulated periods.
    public var periods: Int

    /// Creates a calendar.
    public init(startYear: Int, startMonth: Int, monthsPerStep: Int, periods: Int) {
        self.startYear = startYear
        self.startMonth = startMonth
        self.monthsPerStep = monthsPerStep
        self.periods = periods
    }

    /// The label of period `t` (0 = the opening month before the start): `2025-09` or `2025Q3`.
    public func label(_ t: Int) -> String {
        let monthIndex = startYear * 12 + (startMonth - 1) + (t - 1) * monthsPerStep
        let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let month = monthIndex - year * 12 + 1
        if monthsPerStep == 3 { return "\(year)Q\((month - 1) / 3 + 1)" }
        let pad = month < 10 ? "0" : ""
        return "\(year)-\(pad)\(month)"
    }

    /// The period containing the month `year`-`month`, or nil before period 1 or after the horizon.
    public func period(year: Int, month: Int) -> Int? {
        let offset = (year * 12 + month - 1) - (startYear * 12 + startMonth - 1)
        guard offset >= 0 else { return nil }
        let t = offset / monthsPerStep + 1
        return t <= periods ? t : nil
    }

    /// Fraction of a year in one step (1/12 monthly, 1/4 quarterly).
    public var yearFraction: Double { Double(monthsPerStep) / 12 }
}

/// One entity and its opening balance sheet (amounts in US dollars).
public struct EntitySpec: Sendable {
    /// Short lower-case id, e.g. `openai`.
    public var id: String
    /// Display name, e.g. `OpenAI`.
    public var name: String
    /// The sector whose behaviour it follows.
    public var sector: Sector
    /// Opening cash (bank deposits).
    public var cash: Double
    /// Opening debt by kind (bonds, bank loans, private credit), as liabilities.
    public var bonds: Double
    public var bankLoans: Double
    public var privateCredit: Double
    /// Opening tangible capital (data centres, installed chips), at cost.
    public var fixedCapital: Double
    /// Opening installed compute capacity in GW (clouds) and energised share.
    public var capacityGW: Double
    /// Private valuation (post-money of the last round) for unlisted firms; 0 when listed or n/a.
    public var privateValuation: Double
    /// Per-entity behaviour overrides (same names as the sector's parameters).
    public var parameters: [String: Double]
    /// Free-text note, e.g. which figures are assumptions.
    public var note: String
    /// Where the entity is written.
    public var location: SourceLocation?

    /// Creates an entity.
    public init(
        id: String, name: String, sector: Sector, cash: Double = 0, bonds: Double = 0, bankLoans: Double = 0,
        privateCredit: Double = 0, fixedCapital: Double = 0, capacityGW: Double = 0, privateValuation: Double = 0,
        parameters: [String: Double] = [:], note: String = "", location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.sector = sector
        self.cash = cash
        self.bonds = bonds
        self.bankLoans = bankLoans
        self.privateCredit = privateCredit
        self.fixedCapital = fixedCapital
        self.capacityGW = capacityGW
        self.privateValuation = privateValuation
        self.parameters = parameters
        self.note = note
        self.location = location
    }
}

/// A traded asset: a listed equity, crypto, or a basket (e.g. SaaS stocks).
public struct MarketSpec: Sendable {
    /// What kind of asset.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Shares of an entity in the scenario.
        case equity
        /// Crypto: no cash flow, the most liquidity-sensitive asset.
        case crypto
        /// A basket of other listed stocks (e.g. SaaS) held by investors.
        case basket
    }

    /// Id, e.g. `nvidia` for Nvidia's shares, `crypto`.
    public var id: String
    /// Equity, crypto or basket.
    public var kind: Kind
    /// For equity: the issuing entity's id.
    public var issuer: String?
    /// Units outstanding (shares, coins).
    public var units: Double
    /// Opening price per unit, USD.
    public var price: Double
    /// Duration in years: how far price moves per unit change of the discount rate.
    public var duration: Double
    /// Reflexivity: price response to announced deal value relative to market value.
    public var reflexivity: Double
    /// Market depth at baseline liquidity, USD of sales that move the price by about 1/e.
    public var depth: Double
    /// Elasticity of depth to liquidity (crypto highest).
    public var liquidityBeta: Double
    /// Holdings: entity id → units held (the rest is held by the wider public, `end users`).
    public var holders: [(entity: String, units: Double)]
    /// Where it is written.
    public var location: SourceLocation?

    /// Creates a market.
    public init(
        id: String, kind: Kind, issuer: String? = nil, units: Double, price: Double, duration: Double,
        reflexivity: Double = 0, depth: Double, liquidityBeta: Double = 1,
        holders: [(entity: String, units: Double)] = [], location: SourceLocation? = nil
    ) {
        self.id = id
        self.kind = kind
        self.issuer = issuer
        self.units = units
        self.price = price
        self.duration = duration
        self.reflexivity = reflexivity
        self.depth = depth
        self.liquidityBeta = liquidityBeta
        self.holders = holders
        self.location = location
    }
}

/// Where a figure comes from.
public struct DealSource: Sendable, Hashable {
    /// The address of the report.
    public var url: String
    /// Its title.
    public var title: String

    /// Creates a source.
    public init(url: String, title: String) {
        self.url = url
        self.title = title
    }
}

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

/// Macro paths, one value per period 0…periods (step paths from dated points in the file).
public struct MacroPaths: Sendable {
    /// Policy rate per year, e.g. 0.0425.
    public var policyRate: [Double]
    /// Liquidity index, 1 = the opening level (reserves, Treasury supply, QT all folded in).
    public var liquidity: [Double]
    /// Banks' required reserve ratio.
    public var reserveRatio: [Double]
    /// Banks' minimum capital ratio (equity over loans).
    public var capitalRatio: [Double]

    /// Creates macro paths.
    public init(policyRate: [Double], liquidity: [Double], reserveRatio: [Double], capitalRatio: [Double]) {
        self.policyRate = policyRate
        self.liquidity = liquidity
        self.reserveRatio = reserveRatio
        self.capitalRatio = capitalRatio
    }
}

/// A shock to the network, from the file or the command line (`rate:+300bp@2026-01`).
public struct NetworkShock: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of shock.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case rate, liquidity, chips, power, demand, credit, `default`, crypto, sentiment
    }

    /// What is shocked.
    public var kind: Kind
    /// The size: a rate change (0.03 for +300bp), an amount (-5e11), a fraction (-0.3), months of delay.
    public var size: Double
    /// The entity, for `default:openai`.
    public var target: String?
    /// The period it hits.
    public var period: Int
    /// The text as written, for reports.
    public var text: String

    /// Creates a shock.
    public init(kind: Kind, size: Double, target: String? = nil, period: Int, text: String) {
        self.kind = kind
        self.size = size
        self.target = target
        self.period = period
        self.text = text
    }

    /// The text as written.
    public var description: String { text }
}
