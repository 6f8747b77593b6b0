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
    public var calendar: Timeline
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
        name: String, description: String = "", calendar: Timeline, seed: UInt64 = 1,
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
