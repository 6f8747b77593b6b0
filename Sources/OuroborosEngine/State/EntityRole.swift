internal import OuroborosCore

/// What an entity does in the period loop, derived once from its sector.
enum EntityRole: UInt8, Sendable {
    /// Households and end users: pay for AI and legacy services, receive wages and supplier payments.
    case endUsers
    /// A model lab: sells subscriptions and API access, buys compute.
    case lab
    /// A wrapper start-up: resells a lab's API to its users.
    case wrapper
    /// A hyperscaler or neocloud: sells compute, builds capacity.
    case cloud
    /// A chipmaker: sells accelerators.
    case chipmaker
    /// Power and grid: sells power to data centres.
    case power
    /// A venture or sovereign fund: buys equity in rounds and deals.
    case investor
    /// A hedge fund: holds liquid assets and meets redemptions.
    case hedgeFund
    /// A private-credit fund or SPV: lends from dry powder.
    case privateCreditFund
    /// A founder or insider who pledges shares.
    case insider
    /// A commercial bank: lends and creates deposits.
    case bank
    /// The central bank.
    case centralBank
    /// The government.
    case government
    /// Bond investors and asset managers (engine-made when absent).
    case bondInvestors
    /// The issuer of basket assets outside the network (engine-made).
    case otherIssuer
    /// The rest of the world.
    case restOfWorld
    /// A firm of no modelled behaviour.
    case firm

    /// The role of an entity of `sector`.
    init(sector: Sector) {
        switch sector {
        case .household: self = .endUsers
        case .firm: self = .firm
        case .wrapperStartup: self = .wrapper
        case .modelLab: self = .lab
        case .hyperscaler, .neocloud: self = .cloud
        case .chipmaker: self = .chipmaker
        case .powerGrid: self = .power
        case .ventureFund, .sovereignInvestor: self = .investor
        case .hedgeFund: self = .hedgeFund
        case .privateCredit: self = .privateCreditFund
        case .insider: self = .insider
        case .bank: self = .bank
        case .government: self = .government
        case .centralBank: self = .centralBank
        case .restOfWorld: self = .restOfWorld
        }
    }

    /// The origin class of money paid out by this role, or nil for firms whose money is traced further (M2).
    var origin: OriginClass? {
        switch self {
        case .endUsers: .endUsers
        case .investor, .hedgeFund, .insider: .investors
        case .bank, .privateCreditFund, .bondInvestors: .lenders
        case .centralBank, .government, .restOfWorld, .otherIssuer: .other
        case .lab, .wrapper, .cloud, .chipmaker, .power, .firm: nil
        }
    }

    /// Whether the role can sit on a capital cycle (a firm or an investor of the AI network).
    var isNetworkFirm: Bool {
        switch self {
        case .endUsers, .centralBank, .government, .restOfWorld, .otherIssuer, .bondInvestors: false
        default: true
        }
    }

    /// Whether the role belongs to the AI economy whose external funding competes for liquidity (M9).
    var isAIFirm: Bool {
        self == .lab || self == .wrapper || self == .cloud || self == .chipmaker
    }
}

/// The absorbing origins of funds tracing (M2).
enum OriginClass: Int, Sendable, CaseIterable {
    case endUsers = 0
    case investors, lenders, other
}
