// Times runs of the built-in ai-capex-2025 network scenario and prints one JSON object:
//   swift run -c release --package-path Benchmarks engine-timing --runs 50 --repeats 5
// `median_ms` is the median over the repeats of the mean time of one run in a batch of `runs`.

import Foundation
import OuroborosEngine
import OuroborosScenario

func argument(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1]) else { return value }
    return parsed
}

let runs = argument("--runs", default: 50)
let repeats = argument("--repeats", default: 5)
guard case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025") else { fatalError("not a network scenario") }
let setupStart = DispatchTime.now().uptimeNanoseconds
let simulation = try NetworkSimulation(scenario: scenario)
let setupMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - setupStart) / 1e6
_ = try simulation.run()  // warm-up
var perRun: [Double] = []
var broke = false
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<runs { broke = try simulation.run().summary.broke }
    perRun.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(runs))
}
perRun.sort()
let median = perRun[perRun.count / 2]
print(
    """
    {"scenario": "ai-capex-2025", "periods": \(scenario.calendar.periods), "entities": \(scenario.entities.count), \
    "deals": \(scenario.deals.count), "runs": \(runs), "repeats": \(repeats), "setup_ms": \(setupMilliseconds), \
    "median_ms": \(median), "min_ms": \(perRun.first!), "runs_per_second": \(1000 / median), "broke": \(broke)}
    """)
