// Monte Carlo throughput on the built-in ai-capex-2025 scenario and its scaling with threads; prints
// one JSON object:
//   swift run -c release --package-path Benchmarks experiments-timing --runs 200 --repeats 3
// Each repeat runs the same `runs` runs (seed 2025) with 1 thread and then with 2 threads in this
// process; `speedup` is the ratio of the medians. The outcomes of the two are checked to be equal.

import Foundation
import OuroborosExperiments
import OuroborosScenario

func argument(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1]) else { return value }
    return parsed
}

let runs = argument("--runs", default: 200)
let repeats = argument("--repeats", default: 3)
let maxThreads = argument("--threads", default: 2)
guard case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025") else { fatalError("not a network scenario") }
let experiment = MonteCarloExperiment(scenario: scenario, runs: runs, seed: 2025)
_ = experiment.outcome(ofRun: 0)  // warm-up

func timed(threads: Int) async -> (seconds: Double, outcomes: [Int: RunOutcome]) {
    let start = DispatchTime.now().uptimeNanoseconds
    let outcomes = await experiment.run(threads: threads)
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, outcomes)
}

var seconds: [Int: [Double]] = [:]
var reference: [Int: RunOutcome]?
var identical = true
for _ in 0..<repeats {
    for threads in 1...maxThreads {
        let (time, outcomes) = await timed(threads: threads)
        seconds[threads, default: []].append(time)
        if let reference { identical = identical && reference == outcomes } else { reference = outcomes }
    }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
let perThread = (1...maxThreads).map { threads in
    let m = median(seconds[threads]!)
    return
        "\"\(threads)\": {\"median_s\": \(m), \"runs_per_second\": \(Double(runs) / m), \"runs_per_second_per_thread\": \(Double(runs) / m / Double(threads))}"
}
let speedup = median(seconds[1]!) / median(seconds[maxThreads]!)
print(
    """
    {"scenario": "ai-capex-2025", "runs": \(runs), "repeats": \(repeats), "parameters": \(experiment.space.count), \
    "cores": \(ProcessInfo.processInfo.activeProcessorCount), "threads": {\(perThread.joined(separator: ", "))}, \
    "speedup_1_to_\(maxThreads)": \(speedup), "identical_outcomes": \(identical)}
    """)
