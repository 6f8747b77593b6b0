public import OuroborosCore

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
