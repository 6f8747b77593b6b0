// Benchmarks of the Godley–Lavoie equation solver on the built-in SIM and PC models.
//
// Every model is compiled once, when the benchmarks are registered; only `run(periods:)` is
// measured. `swift package --package-path Benchmarks benchmark` runs them all.

import Benchmark
import OuroborosEquations
import OuroborosScenario

/// Loads a built-in model and compiles it, stopping the benchmark process with the diagnostics if
/// either step fails (a broken built-in is a bug, not something to measure).
func compiledBuiltIn(_ name: String) -> EquationModel {
    do {
        let document = try ScenarioLoader.builtIn(name)
        guard case .equations(let spec) = document else {
            fatalError("built-in \(name) is not an equation model")
        }
        return try EquationModel.compile(spec)
    } catch {
        fatalError("cannot compile built-in model \(name):\n\(error)")
    }
}

/// Runs `model` `runs` times for `periods` periods each, keeping every result alive for the optimizer.
@inline(never)
func runBatch(_ model: EquationModel, runs: Int, periods: Int) throws {
    for _ in 0..<runs {
        let result = try model.run(periods: periods)
        blackHole(result)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 100
    )

    let sim = compiledBuiltIn("sim")
    let pc = compiledBuiltIn("pc")

    // One long run takes well under a millisecond: report it in microseconds.
    var singleRun = Benchmark.defaultConfiguration
    singleRun.timeUnits = .microseconds

    for (label, model) in [("SIM", sim), ("PC", pc)] {
        Benchmark("\(label) 1 run x 1000 periods", configuration: singleRun) { _ in
            try runBatch(model, runs: 1, periods: 1_000)
        }
        Benchmark("\(label) 1000 runs x 100 periods") { _ in
            try runBatch(model, runs: 1_000, periods: 100)
        }
    }
}
