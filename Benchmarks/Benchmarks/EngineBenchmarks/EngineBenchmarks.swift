// Benchmarks of the AI-capex network engine on the built-in ai-capex-2025 scenario (72 monthly
// periods, 29 entities, 105 deals). The scenario is loaded and set up once; only `run` is measured.

import Benchmark
import OuroborosEngine
import OuroborosScenario

/// The built-in scenario set up for running; a broken built-in stops the process (it is a bug).
func builtInSimulation(_ shocks: [String] = []) -> NetworkSimulation {
    do {
        guard case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025") else {
            fatalError("ai-capex-2025 is not a network scenario")
        }
        let parsed = try shocks.map { try NetworkShock.parse($0, calendar: scenario.calendar, entityIDs: scenario.entities.map(\.id)) }
        return try NetworkSimulation(scenario: scenario, shocks: parsed)
    } catch {
        fatalError("cannot set up ai-capex-2025:\n\(error)")
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 200
    )
    let baseline = builtInSimulation()
    let shocked = builtInSimulation(["rate:+300bp@2026-01", "credit:freeze@2026-06"])
    Benchmark("ai-capex-2025 1 run (72 months)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try baseline.run()) }
    }
    Benchmark("ai-capex-2025 1 run with rate and credit shocks") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try shocked.run()) }
    }
}
