public import OuroborosEngine

/// `ouroboros compare`: several scenarios, or one scenario under several sets of shocks, run once
/// each (in parallel) and set side by side.
public struct ScenarioComparison: Sendable {
    /// One column: a scenario and the shocks added to it.
    public struct Case: Sendable {
        /// The column's heading, e.g. the file name or the shocks.
        public var label: String
        /// The scenario.
        public var scenario: NetworkScenario
        /// Shocks added.
        public var shocks: [NetworkShock]
        /// The seed (the scenario's unless told).
        public var seed: UInt64?

        /// A column.
        public init(label: String, scenario: NetworkScenario, shocks: [NetworkShock] = [], seed: UInt64? = nil) {
            self.label = label
            self.scenario = scenario
            self.shocks = shocks
            self.seed = seed
        }

        /// The scenario with this case's shocks added: what the case runs.
        public var shockedScenario: NetworkScenario {
            var shocked = scenario
            shocked.shocks += shocks
            return shocked
        }
    }

    /// The outcome of one column.
    public struct Column: Sendable, Codable, Hashable {
        /// Heading, scenario name and shocks.
        public var label: String
        public var scenario: String
        public var shocks: [String]
        public var seed: UInt64
        /// Whether and when the loop broke, by whom, and what followed.
        public var broke: Bool
        public var breakLabel: String?
        public var firstFailure: String?
        public var chainLength: Int
        /// Defaults over the run, and the entities that defaulted.
        public var defaults: [String]
        /// The weakest link.
        public var weakestLink: String
        /// The key series at the last period, by name.
        public var endValues: [String: Double]
        /// The key series' names in order.
        public var keySeries: [String]
        /// Why the run stopped, when it stopped with an error.
        public var error: String?
    }

    /// The columns in order.
    public var cases: [Case]

    /// A comparison of `cases`.
    public init(cases: [Case]) { self.cases = cases }

    /// Runs every case on `threads` workers; the columns come back in the order given.
    public func run(threads: Int) async -> [Column] {
        await runKeepingResults(threads: threads).map(\.column)
    }

    /// Runs every case on `threads` workers and keeps each run's whole result (nil when it stopped
    /// with an error) beside its column, for reports that draw the series; in the order given.
    public func runKeepingResults(threads: Int) async -> [(column: Column, result: NetworkRunResult?)] {
        let cases = self.cases
        let outcomes = await ParallelRuns.map(Array(cases.indices), threads: threads) { index in
            Self.outcome(cases[index])
        }
        return cases.indices.map { outcomes[$0]! }
    }

    static func outcome(_ item: Case) -> (column: Column, result: NetworkRunResult?) {
        let scenario = item.shockedScenario
        let keySeries = KeySeries.all(for: scenario)
        let seed = item.seed ?? scenario.seed
        let shockTexts = scenario.shocks.map(\.text)
        do {
            let result = try NetworkSimulation(scenario: scenario).run(seed: seed)
            let summary = result.summary
            let last = scenario.calendar.periods
            var ends: [String: Double] = [:]
            for series in keySeries { ends[series.name] = series.values(in: result, at: [last]).first ?? 0 }
            let column = Column(
                label: item.label, scenario: scenario.name, shocks: shockTexts, seed: seed, broke: summary.broke,
                breakLabel: summary.broke ? summary.breakLabel : nil,
                firstFailure: summary.firstFailure.map { "\($0.entity) \($0.type.rawValue)" },
                chainLength: summary.chain.count,
                defaults: result.entities.filter { $0.defaultPeriod != nil }.map(\.id),
                weakestLink: summary.weakestLink, endValues: ends, keySeries: keySeries.map(\.name), error: nil)
            return (column, result)
        } catch {
            let column = Column(
                label: item.label, scenario: scenario.name, shocks: shockTexts, seed: seed, broke: false,
                breakLabel: nil, firstFailure: nil, chainLength: 0, defaults: [], weakestLink: "",
                endValues: [:], keySeries: keySeries.map(\.name), error: "\(error)")
            return (column, nil)
        }
    }
}
