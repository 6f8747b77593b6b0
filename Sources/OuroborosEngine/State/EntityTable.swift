internal import OuroborosCore

/// The entities of a run: the scenario's, in order, then the ones the engine adds when a role is
/// missing (households, a bank, the central bank, bond investors, the issuer of baskets).
struct EntityTable: Sendable {
    /// Ids, dense index = position.
    var ids: [String] = []
    /// Display names (unique: the ledger requires it).
    var names: [String] = []
    /// Sectors.
    var sectors: [Sector] = []
    /// Roles.
    var roles: [EntityRole] = []
    /// Each entity's sector as its position in `Sector.allCases` (a dense key for per-sector lookups).
    var sectorSlot: [Int] = []
    /// The number of scenario entities (the first ones).
    let scenarioCount: Int
    /// The end users who pay for subscriptions and receive wages and supplier payments.
    var households = 0
    /// The bank whose deposits serve as the means of payment, and which lends by default.
    var depositBank = 0
    /// The central bank (holds the banks' reserves).
    var centralBank = 0
    /// Bond investors and asset managers who buy new bonds: the scenario's entity with id
    /// `bond_investors` (whatever its sector), else one the engine adds.
    var bondInvestors = 0
    /// The issuer of baskets of listed stocks outside the network.
    var otherIssuer = 0
    /// The power seller (the first power-grid entity, else households).
    var powerSeller = 0
    /// Indices by role, in order.
    var labs: [Int] = [], wrappers: [Int] = [], clouds: [Int] = [], chipmakers: [Int] = []
    var investors: [Int] = [], hedgeFunds: [Int] = [], creditFunds: [Int] = [], banks: [Int] = [], insiders: [Int] = []
    /// The labs, then the wrappers: the entities that raise venture rounds (M6).
    var labsAndWrappers: [Int] = []

    /// The number of entities.
    var count: Int { ids.count }

    /// Lays out the scenario's entities and adds the missing roles.
    init(scenario: NetworkScenario) {
        scenarioCount = scenario.entities.count
        for spec in scenario.entities {
            ids.append(spec.id)
            names.append(uniqueName(spec.name.isEmpty ? spec.id : spec.name))
            sectors.append(spec.sector)
            roles.append(EntityRole(sector: spec.sector))
        }
        households = roles.firstIndex(of: .endUsers) ?? add("households", "Households", .household, .endUsers)
        depositBank = roles.firstIndex(of: .bank) ?? add("banks", "Banks", .bank, .bank)
        centralBank = roles.firstIndex(of: .centralBank) ?? add("central_bank", "Central bank", .centralBank, .centralBank)
        if let named = ids.firstIndex(of: "bond_investors") {
            bondInvestors = named
            roles[named] = .bondInvestors
        } else {
            bondInvestors = add("bond_investors", "Bond investors", .household, .bondInvestors)
        }
        otherIssuer = add("other_listed", "Other listed firms", .firm, .otherIssuer)
        powerSeller = roles.firstIndex(of: .power) ?? households
        for (index, role) in roles.enumerated() {
            switch role {
            case .lab: labs.append(index)
            case .wrapper: wrappers.append(index)
            case .cloud: clouds.append(index)
            case .chipmaker: chipmakers.append(index)
            case .investor: investors.append(index)
            case .hedgeFund: hedgeFunds.append(index)
            case .privateCreditFund: creditFunds.append(index)
            case .bank: banks.append(index)
            case .insider: insiders.append(index)
            default: break
            }
        }
        labsAndWrappers = labs + wrappers
        let slots = Dictionary(uniqueKeysWithValues: Sector.allCases.enumerated().map { ($1, $0) })
        sectorSlot = sectors.map { slots[$0] ?? 0 }
    }

    /// The dense index of the entity with this id.
    func index(of id: String) -> Int? { ids.firstIndex(of: id) }

    /// Whether `index` is one of the scenario's entities (not engine-made).
    func isScenarioEntity(_ index: Int) -> Bool { index < scenarioCount }

    private mutating func add(_ id: String, _ name: String, _ sector: Sector, _ role: EntityRole) -> Int {
        var uniqueID = id
        while ids.contains(uniqueID) { uniqueID += "_engine" }
        ids.append(uniqueID)
        names.append(uniqueName(name))
        sectors.append(sector)
        roles.append(role)
        return ids.count - 1
    }

    private func uniqueName(_ name: String) -> String {
        var candidate = name
        var suffix = 2
        while names.contains(candidate) {
            candidate = "\(name) (\(suffix))"
            suffix += 1
        }
        return candidate
    }
}
