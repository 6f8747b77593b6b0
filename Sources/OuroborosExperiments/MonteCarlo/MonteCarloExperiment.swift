public import OuroborosScenario
import OuroborosEngine

/// `ouroboros montecarlo`: `runs` runs of a scenario, each with its uncertain parameters drawn from
/// `RunRandom(seed:run:)`, aggregated into break probabilities, break dates, first failures and
/// quantiles of key series. Run `i` depends only on the seed and `i`, so any thread count, shard
/// split or resume gives the same outcomes, and the summary depends only on the set of outcomes.
public struct MonteCarloExperiment: Sendable {
    /// The scenario and its uncertain parameters (command-line shocks included).
    public let space: ParameterSpace
    /// What identifies the experiment (stored in shard files).
    public let definition: MonteCarloDefinition
    /// The key series kept per run.
    public let keySeries: [KeySeries]
    /// The periods at which they are kept.
    public let samplePeriods: [Int]

    /// An experiment of `runs` runs of `scenario` with `shocks` added, seeded with `seed`.
    public init(scenario: NetworkScenario, shocks: [NetworkShock] = [], runs: Int, seed: UInt64) {
        space = ParameterSpace(scenario: scenario, shocks: shocks)
        keySeries = KeySeries.all(for: space.scenario)
        samplePeriods = KeySeries.samplePeriods(space.scenario.calendar)
        definition = MonteCarloDefinition(
            scenario: scenario.name, scenarioHash: ScenarioFingerprint.of(space.scenario), seed: seed, runs: runs,
            shocks: shocks.map(\.text), parameters: space.names, keySeries: keySeries.map(\.name),
            periodLabels: samplePeriods.map(space.scenario.calendar.label), calendar: CalendarSpec(space.scenario.calendar))
    }

    /// The run indices of shard `shard` (all runs when nil).
    public func indices(shard: ShardSpec? = nil) -> Range<Int> {
        shard?.runs(of: definition.runs) ?? 0..<definition.runs
    }

    /// Run `index`: draws its parameters, simulates, and keeps its outcome (an error is an outcome too).
    public func outcome(ofRun index: Int) -> RunOutcome {
        let draw = space.draw(seed: definition.seed, run: index)
        do {
            let result = try NetworkSimulation(scenario: space.scenario(with: draw.values)).run(seed: draw.engineSeed)
            return RunOutcome(result: result, parameters: draw.values, keySeries: keySeries, samplePeriods: samplePeriods)
        } catch {
            return RunOutcome(error: error, parameters: draw.values)
        }
    }

    /// Runs the runs of `shard` (all when nil) that `completed` does not already hold, on `threads`
    /// workers, calling `onRunCompleted` as each finishes; stops taking new runs when `cancellation`
    /// is set. Returns every outcome, `completed` included, by run index.
    public func run(shard: ShardSpec? = nil, threads: Int, completed: [Int: RunOutcome] = [:],
                    cancellation: CancellationFlag? = nil,
                    onRunCompleted: (@Sendable (Int, RunOutcome) -> Void)? = nil) async -> [Int: RunOutcome] {
        let todo = indices(shard: shard).filter { completed[$0] == nil }
        let experiment = self
        var outcomes = await ParallelRuns.map(todo, threads: threads, cancellation: cancellation, onCompleted: onRunCompleted) { index in
            experiment.outcome(ofRun: index)
        }
        outcomes.merge(completed) { new, _ in new }
        return outcomes
    }

    /// The aggregate of `outcomes` (partial when some runs of the experiment are missing).
    public func summary(of outcomes: [Int: RunOutcome]) -> MonteCarloSummary {
        MonteCarloSummary(definition: definition, outcomes: outcomes)
    }
}

/// What identifies a Monte Carlo experiment: two shards can be merged only when these are equal.
public struct MonteCarloDefinition: Codable, Sendable, Hashable {
    /// The scenario's name.
    public var scenario: String
    /// `ScenarioFingerprint` of the scenario with its shocks.
    public var scenarioHash: String
    /// The experiment's seed.
    public var seed: UInt64
    /// The number of runs of the whole experiment.
    public var runs: Int
    /// Shocks added on the command line, as written.
    public var shocks: [String]
    /// The uncertain parameters' paths, in draw order.
    public var parameters: [String]
    /// The key series kept, in order.
    public var keySeries: [String]
    /// The labels of the periods at which key series are kept.
    public var periodLabels: [String]
    /// The scenario's calendar (so that shards merge without the scenario).
    public var calendar: CalendarSpec
}

/// A scenario calendar in a shard file.
public struct CalendarSpec: Codable, Sendable, Hashable {
    /// Year and month of the first period, months per period, number of periods.
    public var startYear: Int, startMonth: Int, monthsPerStep: Int, periods: Int

    /// The fields of `calendar`.
    public init(_ calendar: ScenarioCalendar) {
        startYear = calendar.startYear
        startMonth = calendar.startMonth
        monthsPerStep = calendar.monthsPerStep
        periods = calendar.periods
    }

    /// The calendar.
    public var calendar: ScenarioCalendar {
        ScenarioCalendar(startYear: startYear, startMonth: startMonth, monthsPerStep: monthsPerStep, periods: periods)
    }
}

/// Shard `index` of `count` (from 1): a contiguous slice of the run indices.
public struct ShardSpec: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Which slice, 1 … count.
    public var index: Int
    /// How many slices.
    public var count: Int

    /// Shard `index` of `count`.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `I/N` with 1 ≤ I ≤ N, or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    /// The runs of this slice out of `runs`.
    public func runs(of runs: Int) -> Range<Int> {
        (runs * (index - 1) / count)..<(runs * index / count)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}
