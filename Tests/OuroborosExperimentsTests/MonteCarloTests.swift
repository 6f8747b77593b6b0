import Foundation
import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import TestSupport
import Testing

/// Monte Carlo: the same seed gives the same outcomes for any thread count, shard split or resume.
@Suite("Monte Carlo")
struct MonteCarloTests {
    static func experiment(runs: Int = 24, seed: UInt64 = 11) throws -> MonteCarloExperiment {
        MonteCarloExperiment(scenario: try Fixtures.fragileScenario(), runs: runs, seed: seed)
    }

    static func json(_ summary: MonteCarloSummary) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(summary)
    }

    @Test("identical outcomes and summary bytes with 1, 2 and 4 threads")
    func threadCounts() async throws {
        let experiment = try Self.experiment()
        let one = await experiment.run(threads: 1)
        let two = await experiment.run(threads: 2)
        let four = await experiment.run(threads: 4)
        #expect(one.count == 24)
        #expect(one == two && two == four)
        let bytes = try Self.json(experiment.summary(of: one))
        #expect(try Self.json(experiment.summary(of: four)) == bytes)
        // The draws vary the outcome: both breaking and holding runs occur.
        let summary = experiment.summary(of: one)
        #expect(summary.brokenRuns > 0 && summary.heldRuns > 0, "\(summary.brokenRuns) broke, \(summary.heldRuns) held")
    }

    @Test("shards merged through their files give the unsharded summary; a resume skips completed runs")
    func shardsAndResume() async throws {
        let experiment = try Self.experiment()
        let whole = experiment.summary(of: await experiment.run(threads: 2))
        var files: [(name: String, shard: ShardFile)] = []
        for index in 1...3 {
            let shard = ShardSpec(index: index, count: 3)
            let outcomes = await experiment.run(shard: shard, threads: 2)
            #expect(Set(outcomes.keys) == Set(shard.runs(of: 24)))
            let data = try ShardFile(definition: experiment.definition, shard: shard, outcomes: outcomes).encoded()
            files.append(("s\(index).json", try ShardFile.decode(data, file: "s\(index).json")))
        }
        let merged = try ShardFile.merge(files)
        #expect(try Self.json(MonteCarloSummary(definition: merged.definition, outcomes: merged.outcomes)) == Self.json(whole))
        #expect(throws: ShardFileError.self) { try ShardFile.merge(Array(files.prefix(2))) }

        let firstHalf = await experiment.run(shard: ShardSpec(index: 1, count: 2), threads: 1)
        let seen = Counter()
        let resumed = await experiment.run(threads: 2, completed: firstHalf) { index, _ in seen.add(index) }
        #expect(seen.values.sorted() == Array(12..<24))
        #expect(try Self.json(experiment.summary(of: resumed)) == Self.json(whole))
    }

    @Test("a different seed draws different parameters")
    func seedsDiffer() async throws {
        let a = try Self.experiment(runs: 4, seed: 1).outcome(ofRun: 0)
        let b = try Self.experiment(runs: 4, seed: 2).outcome(ofRun: 0)
        #expect(a.parameters != b.parameters)
        #expect(try Self.experiment(runs: 4, seed: 1).outcome(ofRun: 0) == a)
    }

    @Test("cancellation stops taking runs and the summary says it is partial")
    func cancellation() async throws {
        let experiment = try Self.experiment(runs: 200)
        let flag = CancellationFlag()
        let outcomes = await experiment.run(threads: 2, cancellation: flag) { index, _ in if index >= 3 { flag.cancel() } }
        #expect(outcomes.count < 200)
        #expect(experiment.summary(of: outcomes).partial)
    }

    @Test("Wilson interval and type-7 quantiles")
    func statistics() {
        let interval = ExperimentStatistics.wilson(successes: 50, trials: 100)
        #expect(abs(interval.lowerBound - 0.4038) < 1e-4 && abs(interval.upperBound - 0.5962) < 1e-4)
        #expect(ExperimentStatistics.quantile(sorted: [1, 2, 3, 4], 0.5) == 2.5)
        #expect(ExperimentStatistics.quantile(sorted: [10], 0.95) == 10)
    }
}

/// Collects indices from workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ index: Int) {
        lock.lock()
        seen.append(index)
        lock.unlock()
    }
    var values: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }
}
