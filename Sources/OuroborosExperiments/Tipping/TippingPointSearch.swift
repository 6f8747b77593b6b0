public import OuroborosEngine

/// `ouroboros tipping`: the smallest size of one shock that makes the loop break by a deadline.
///
/// The range from the mild end to the severe end is scanned in `scanSteps` equal steps for the
/// first size that breaks the loop; the bracket between it and the last size that held is then
/// bisected to the tolerance. (The loop's response need not be monotone — in `ai-capex-2025` a larger
/// rate shock can break the loop later than a smaller one — so the scan finds the first breaking
/// size rather than trusting the two ends.) Sizes are signed as in `--shock` (`rate` +0.03 for +300bp, `demand`
/// −0.3 for −30%, `liquidity` −5e11, `chips` months of delay). Each probe is kept so that a reader
/// can see the bracket close.
public struct TippingPointSearch: Sendable {
    /// The scenario (with its own shocks).
    public var scenario: NetworkScenario
    /// The shock whose size is searched: its kind, target and period (its size is ignored).
    public var shock: NetworkShock
    /// The mild end (expected to hold) and the severe end (expected to break).
    public var mild: Double, severe: Double
    /// The last period by which a break counts (the horizon unless told).
    public var deadline: Int
    /// Stop when the bracket is narrower than this.
    public var tolerance: Double
    /// The seed of the runs (the scenario's unless told).
    public var seed: UInt64
    /// Equal steps of the scan from the mild to the severe end.
    public var scanSteps = 10

    /// The sizes searched by default for `kind`, from mild to severe, and the precision wanted.
    public static func defaultRange(for kind: NetworkShock.Kind) -> (mild: Double, severe: Double, tolerance: Double)? {
        switch kind {
        case .rate: (0, 0.10, 0.0001)
        case .liquidity: (0, -3e12, 1e9)
        case .chips: (0, 36, 1)
        case .power, .demand, .crypto, .sentiment: (0, -1, 0.001)
        case .credit, .default: nil
        }
    }

    /// A search for `shock` in `scenario` over `mild … severe` (the kind's default range when nil).
    public init(
        scenario: NetworkScenario, shock: NetworkShock, mild: Double? = nil, severe: Double? = nil,
        deadline: Int? = nil, tolerance: Double? = nil, seed: UInt64? = nil
    ) throws(TippingPointError) {
        guard let range = Self.defaultRange(for: shock.kind) else {
            throw TippingPointError(
                "a \(shock.kind.rawValue) shock has no size to search; expected one of rate, liquidity, chips, power, demand, crypto, sentiment")
        }
        self.scenario = scenario
        self.shock = shock
        self.mild = mild ?? range.mild
        self.severe = severe ?? range.severe
        self.deadline = deadline ?? scenario.calendar.periods
        self.tolerance = tolerance ?? range.tolerance
        self.seed = seed ?? scenario.seed
        guard self.mild != self.severe else { throw TippingPointError("the range is empty: both ends are \(self.mild)") }
    }

    /// One run with the shock at `size`.
    public func probe(_ size: Double) throws -> TippingPoint.Probe {
        var shock = self.shock
        shock.size = shock.kind == .chips ? size.rounded() : size
        let result = try NetworkSimulation(scenario: scenario, shocks: [shock]).run(seed: seed, outputs: .withoutFundsTracing)
        let summary = result.summary
        let broke = summary.broke && (summary.breakPeriod ?? Int.max) <= deadline
        return TippingPoint.Probe(
            size: shock.size, broke: broke, breakLabel: broke ? summary.breakLabel : nil,
            firstFailure: broke ? summary.firstFailure : nil, chain: broke ? summary.chain : [])
    }

    /// Bisects until the bracket is narrower than the tolerance (at most 60 halvings) or `cancellation` is set.
    public func run(cancellation: CancellationFlag? = nil, onProbe: ((TippingPoint.Probe) -> Void)? = nil) throws -> TippingPoint {
        var probes: [TippingPoint.Probe] = []
        func run(_ size: Double) throws -> TippingPoint.Probe {
            let probe = try self.probe(size)
            probes.append(probe)
            onProbe?(probe)
            return probe
        }
        let atMild = try run(mild)
        var result = TippingPoint(
            kind: shock.kind, period: shock.period, target: shock.target, mild: mild, severe: severe,
            deadline: deadline, tolerance: tolerance, size: nil, breaking: nil, probes: [], interrupted: false)
        if atMild.broke {
            result.size = mild
            result.breaking = atMild
            result.probes = probes
            return result
        }
        var holds = mild
        var breaking: TippingPoint.Probe?
        for step in 1...max(1, scanSteps) {
            if cancellation?.isCancelled == true {
                result.interrupted = true
                break
            }
            var size = mild + (severe - mild) * Double(step) / Double(max(1, scanSteps))
            if shock.kind == .chips { size.round() }
            if size == holds { continue }
            let probe = try run(size)
            if probe.broke {
                breaking = probe
                break
            }
            holds = size
        }
        if var breaks = breaking {
            for _ in 0..<60 where abs(breaks.size - holds) > tolerance {
                if cancellation?.isCancelled == true {
                    result.interrupted = true
                    break
                }
                let middle = shock.kind == .chips ? ((holds + breaks.size) / 2).rounded(.towardZero) : (holds + breaks.size) / 2
                if middle == holds || middle == breaks.size { break }
                let probe = try run(middle)
                if probe.broke { breaks = probe } else { holds = middle }
            }
            result.size = breaks.size
            result.breaking = breaks
            result.lastHolding = holds
        }
        result.probes = probes
        return result
    }
}
