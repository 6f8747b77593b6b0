/// The institutional sector an entity belongs to: a column group in the SFC matrices.
///
/// Raw values are the snake_case ids used in scenario files (`model_lab`); `displayName` is the
/// column heading (`Model labs`). The order of the cases is the order in which they are listed.
public enum Sector: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Households and end users: pay subscriptions, consume, supply labour, save.
    case household
    /// The generic production sector of textbook models (Godley–Lavoie "firms").
    case firm
    /// Wrapper start-ups reselling model APIs, often at a negative margin.
    case wrapperStartup = "wrapper_startup"
    /// AI model labs: sell tokens and subscriptions, buy compute.
    case modelLab = "model_lab"
    /// Hyperscale clouds: sell compute, buy accelerators, build data centres.
    case hyperscaler
    /// Neoclouds: GPU clouds funded largely with debt.
    case neocloud
    /// Chipmakers and accelerator vendors.
    case chipmaker
    /// Power generation, grid and interconnection.
    case powerGrid = "power_grid"
    /// Venture funds.
    case ventureFund = "venture_fund"
    /// Sovereign wealth funds and conglomerate investors.
    case sovereignInvestor = "sovereign_investor"
    /// Hedge funds.
    case hedgeFund = "hedge_fund"
    /// Private-credit funds and special-purpose vehicles.
    case privateCredit = "private_credit"
    /// Founders and insiders who pledge their shares as collateral.
    case insider
    /// Commercial banks: lend and create deposits.
    case bank
    /// The government and treasury.
    case government
    /// The central bank: issues reserves and cash, sets the policy rate.
    case centralBank = "central_bank"
    /// Everyone outside the modelled economy.
    case restOfWorld = "rest_of_world"

    /// The column heading: `Households`, `Model labs`, `Central bank`.
    public var displayName: String {
        switch self {
        case .household: "Households"
        case .firm: "Firms"
        case .wrapperStartup: "Wrapper start-ups"
        case .modelLab: "Model labs"
        case .hyperscaler: "Hyperscalers"
        case .neocloud: "Neoclouds"
        case .chipmaker: "Chipmakers"
        case .powerGrid: "Power & grid"
        case .ventureFund: "Venture funds"
        case .sovereignInvestor: "Sovereign & conglomerate investors"
        case .hedgeFund: "Hedge funds"
        case .privateCredit: "Private credit"
        case .insider: "Insiders"
        case .bank: "Banks"
        case .government: "Government"
        case .centralBank: "Central bank"
        case .restOfWorld: "Rest of world"
        }
    }

    /// Whether the sector sells cloud compute (hyperscalers and neoclouds).
    public var isCloud: Bool { self == .hyperscaler || self == .neocloud }

    /// Reads a sector id (`model_lab`), also accepting common aliases (`households`, `end_users`,
    /// `lab`, `cloud`, `treasury`, `sovereign`, `conglomerate`, `utility`, …) in any case, with
    /// `-` or spaces in place of `_`.
    public init?(id: some StringProtocol) {
        let key = String(id).lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 }
        let normalised = String(key)
        if let sector = Sector(rawValue: normalised) ?? Self.aliases[normalised] {
            self = sector
        } else {
            return nil
        }
    }

    /// Alternative ids accepted by `init(id:)`.
    static let aliases: [String: Sector] = [
        "households": .household, "end_user": .household, "end_users": .household, "consumer": .household,
        "firms": .firm, "production": .firm,
        "wrapper": .wrapperStartup, "wrappers": .wrapperStartup, "startup": .wrapperStartup,
        "lab": .modelLab, "labs": .modelLab, "model_labs": .modelLab,
        "cloud": .hyperscaler, "hyperscalers": .hyperscaler, "neoclouds": .neocloud,
        "chip_maker": .chipmaker, "chipmakers": .chipmaker, "chip_vendor": .chipmaker,
        "power": .powerGrid, "grid": .powerGrid, "utility": .powerGrid,
        "vc": .ventureFund, "venture": .ventureFund, "venture_funds": .ventureFund,
        "sovereign": .sovereignInvestor, "conglomerate": .sovereignInvestor, "sovereign_fund": .sovereignInvestor,
        "hedge_funds": .hedgeFund,
        "private_credit_fund": .privateCredit, "spv": .privateCredit,
        "insiders": .insider, "founder": .insider,
        "banks": .bank,
        "treasury": .government, "state": .government,
        "cb": .centralBank, "fed": .centralBank,
        "row": .restOfWorld, "foreign": .restOfWorld,
    ]

    /// The snake_case id, e.g. `model_lab`.
    public var description: String { rawValue }
}
