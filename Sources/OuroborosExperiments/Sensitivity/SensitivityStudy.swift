import Foundation
public import OuroborosEngine

/// `ouroboros sensitivity`: how much each uncertain parameter moves an outcome, by Morris screening
/// or Sobol indices, with every run on the experiment's threads.
public struct SensitivityStudy: Sendable {
    /// The method and its size.
    public enum Method: Sendable {
        case morris(MorrisMethod)
        case sobol(SobolMethod)
    }

    /// The parameters and the scenario.
    public let space: ParameterSpace
    /// What is measured.
    public let outcome: SensitivityOutcome
    /// Morris or Sobol.
    public let method: Method
    /// The seed (also of the engine's own random parts in every run).
    public let seed: UInt64

    /// A study of `outcome` in `scenario` (with `shocks`) by `method`.
    public init(scenario: NetworkScenario, shocks: [NetworkShock] = [], outcome: SensitivityOutcome, method: Method, seed: UInt64) {
        space = ParameterSpace(scenario: scenario, shocks: shocks)
        self.outcome = outcome
        self.method = method
        self.seed = seed
    }

    /// The unit-cube points to evaluate.
    public var points: [[Double]] {
        switch method {
        case .morris(let morris): morris.points(parameters: space.count)
        case .sobol(let sobol): sobol.points(parameters: space.count)
        }
    }

    /// Runs every point on `threads` workers and computes the indices; stops taking runs when `cancellation` is set.
    public func run(
        threads: Int, cancellation: CancellationFlag? = nil,
        onRunCompleted: (@Sendable (Int, Double) -> Void)? = nil
    ) async -> SensitivityResult {
        let points = self.points
        let space = self.space
        let outcome = self.outcome
        let seed = self.seed
        let calendar = space.scenario.calendar
        let failed = FailureCount()
        let outputs = await ParallelRuns.map(
            Array(points.indices), threads: threads, cancellation: cancellation,
            onCompleted: onRunCompleted
        ) { index in
            do {
                let values = space.values(at: points[index])
                let result = try NetworkSimulation(scenario: space.scenario(with: values)).run(seed: seed, outputs: .withoutFundsTracing)
                return outcome.value(of: result, calendar: calendar)
            } catch {
                failed.add()
                return outcome.valueOfFailedRun(calendar: calendar)
            }
        }
        let ordered = points.indices.map { outputs[$0] }
        let values = ordered.compactMap { $0 }
        let mean = ExperimentStatistics.mean(values)
        let sd = ExperimentStatistics.standardDeviation(values)
        let indices: [SensitivityIndex]
        let name: String
        let samples: Int
        switch method {
        case .morris(let morris):
            indices = morris.indices(names: space.names, outputs: ordered)
            name = "morris"
            samples = morris.trajectories
        case .sobol(let sobol):
            indices = sobol.indices(names: space.names, outputs: ordered)
            name = "sobol"
            samples = sobol.samples
        }
        return SensitivityResult(
            method: name, outcome: outcome.description, samples: samples, evaluations: values.count,
            failedRuns: failed.count, seed: seed, outcomeMean: mean, outcomeVariance: sd * sd,
            indices: indices, partial: values.count < points.count)
    }
}

/// Runs that stopped with an error, counted from the workers.
private final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() {
        lock.lock()
        value += 1
        lock.unlock()
    }
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
