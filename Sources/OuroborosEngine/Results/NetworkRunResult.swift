/// Everything one run of a network scenario produced: series per entity, market and macro
/// variable for periods 0 (opening) … T, the events, the capital cycles and the loop summary.
public struct NetworkRunResult: Sendable {
    /// The scenario's name.
    public var scenarioName: String
    /// Period labels, `periodLabels[0]` the opening month, then one per simulated period.
    public var periodLabels: [String]
    /// One run per scenario entity, in the scenario's order.
    public var entities: [EntityRun]
    /// One run per market, in the scenario's order.
    public var markets: [MarketRun]
    /// Events in the order they happened.
    public var events: [EngineEvent]
    /// Elementary cycles of the deal graph among firms.
    public var capitalCycles: [CapitalCycle]
    /// Policy rate, liquidity, sentiment and risk premium per period.
    public var macro: MacroRun
    /// The largest relative imbalance of any SFC row or column over the run (0 when exact).
    public var maxRelativeImbalance: Double
    /// Whether and where the loop broke.
    public var summary: LoopSummary
    /// The seed the run used.
    public var seed: UInt64

    /// Creates a result.
    public init(
        scenarioName: String, periodLabels: [String], entities: [EntityRun], markets: [MarketRun],
        events: [EngineEvent], capitalCycles: [CapitalCycle], macro: MacroRun,
        maxRelativeImbalance: Double, summary: LoopSummary, seed: UInt64
    ) {
        self.scenarioName = scenarioName
        self.periodLabels = periodLabels
        self.entities = entities
        self.markets = markets
        self.events = events
        self.capitalCycles = capitalCycles
        self.macro = macro
        self.maxRelativeImbalance = maxRelativeImbalance
        self.summary = summary
        self.seed = seed
    }

    /// The run of the entity with this id.
    public func entity(_ id: String) -> EntityRun? { entities.first { $0.id == id } }

    /// The run of the market with this id.
    public func market(_ id: String) -> MarketRun? { markets.first { $0.id == id } }

    /// The events of one type, in order.
    public func events(of type: EngineEvent.Kind) -> [EngineEvent] { events.filter { $0.type == type } }
}
