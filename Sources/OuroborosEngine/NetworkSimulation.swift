/// A network scenario laid out for simulation: names resolved once, state arrays sized, deals
/// compiled. `run(seed:)` simulates periods 1 … T and returns every series, event and the loop summary.
///
/// Each period runs, in order: shocks dated that period; the macro block (M8, M9); deals signed and
/// announced (M1, M3); end-user demand (M6); bills due (M3, M5); deal financing draws; equity tranches
/// with forced sales (M1, M10); venture rounds (M6); bills paid, missed, contracts cancelled (M3);
/// clouds' operating costs and capex down the funding hierarchy (M4); chip deliveries, backstops,
/// the power queue (M5); warrants; debt service and refinancing (M4, M9); markets and sentiment
/// (M1, M7, M10); margin calls and redemptions (M10, M11); default clearing (M11); the conservation
/// check of the period's balance-sheet and transactions-flow matrices; funds tracing (M2).
/// `MechanismSwitches` says what switching each mechanism off means.
///
/// Every flow is a posting in the core `Ledger`: deposits (liabilities of the banks) are the means
/// of payment; bank loans create them and repayments destroy them; bonds, private credit and
/// private equity are booked at transaction value, listed equity and crypto at market value
/// (revaluations), data centres and chips as tangible capital. A run that breaks an identity stops
/// with `EngineError.identityViolation`; NaN or infinity stops it with `EngineError.nonFinite`.
///
/// ```swift
/// let simulation = try NetworkSimulation(scenario: scenario, shocks: [rateHike])
/// let result = try simulation.run(seed: 7)
/// result.summary.broke   // whether the financing loop broke, and `breakLabel` when
/// ```
public struct NetworkSimulation: Sendable {
    let layout: SimulationLayout
    /// A deliberately unbalanced posting for tests of the conservation check: period and amount.
    var faultInjection: (period: Int, amount: Double)?

    /// Lays `scenario` out with `shocks` added to those in the file; throws when a name does not resolve.
    public init(scenario: NetworkScenario, shocks: [NetworkShock] = []) throws(EngineSetupError) {
        layout = try SimulationLayout(scenario: scenario, extraShocks: shocks)
    }

    /// The scenario being simulated.
    public var scenario: NetworkScenario { layout.scenario }

    /// Runs the simulation; the same seed (default: the scenario's) gives identical results.
    ///
    /// `outputs` says whether the run traces funds (M2) for the revenue origins: tracing only
    /// observes (nothing else in the run depends on it), so a run `.withoutFundsTracing` gives the
    /// same events, series and summary with every revenue origin zero, at a fraction of the cost.
    /// Every other check (the ledger's postings, both matrices closed each period) always runs.
    public func run(seed: UInt64? = nil, outputs: RunOutputs = .full) throws(EngineError) -> NetworkRunResult {
        var simulator = Simulator(layout: layout, seed: seed ?? layout.scenario.seed, tracing: outputs == .full)
        simulator.fault = faultInjection
        try simulator.run()
        return simulator.result()
    }
}

/// What a run computes beyond the dynamics that every output shares.
public enum RunOutputs: Sendable, Hashable {
    /// Everything: revenue origins traced every period (M2, when the scenario has it on).
    case full
    /// What experiments read: the events, the series and the summary, without funds tracing.
    case withoutFundsTracing
}
