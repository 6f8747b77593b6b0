public import OuroborosEngine

/// `ouroboros montecarlo`: `runs` runs of a scenario, each with its uncertain parameters drawn from
/// `SeededGenerator(seed:stream:)`, aggregated into break probabilities, break dates, first failures and
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
            periodLabels: samplePeriods.map(space.scenario.calendar.label), calendar: space.scenario.calendar)
    }

    /// The run indices of shard `shard` (all runs when nil).
    public func indices(shard: ShardSpec? = nil) -> Range<Int> {
        shard?.runs(of: definition.runs) ?? 0..<definition.runs
    }

    /// Run `index`: draws its parameters, simulates, and keeps its outcome (an error is an outcome too).
    public func outcome(ofRun index: Int) -> RunOutcome {
        let draw = space.draw(seed: definition.seed, run: index)
        do {
            let result = try NetworkSimulation(scenario: space.scenario(with: draw.values)).run(seed: draw.engineSeed, outputs: .withoutFundsTracing)
            return RunOutcome(result: result, parameters: draw.values, keySeries: keySeries, samplePeriods: samplePeriods)
        } catch {
            return RunOutcome(error: error, parameters: draw.values)
        }
    }

    /// Runs the runs of `shard` (all when nil) that `completed` does not already hold, on `threads`
    /// workers, calling `onRunCompleted` as each finishes; stops taking new runs when `cancellation`
    /// is set. Returns every outcome, `completed` included, by run index.
    public func run(
        shard: ShardSpec? = nil, threads: Int, completed: [Int: RunOutcome] = [:],
        cancellation: CancellationFlag? = nil,
        onRunCompleted: (@Sendable (Int, RunOutcome) -> Void)? = nil
    ) async -> [Int: RunOutcome] {
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
