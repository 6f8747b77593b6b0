// Times the run store against the work it records and prints one JSON object:
//   swift run -c release --package-path Benchmarks store-timing --runs 20 --repeats 5 --journal 20000
// - record_ms: begin + finish (summary and the 191 series) of one built-in network run, against
//   simulate_ms, one run of the simulation itself (the peer, same process);
// - export_csv_ms: the CSV read back from the store, against render_csv_ms, the report rendering it;
// - bytes_per_run: the store's growth per recorded run, against csv_bytes, the run's CSV;
// - journal_runs_per_second: sub-runs journalled by ExperimentJournal from 2 threads (default
//   batching), against per_run_commit_runs_per_second, one appendRuns transaction per sub-run.
// Medians over the repeats; the store lives in a temporary folder (synchronous FULL, so fsync is counted).

import Foundation
import OuroborosEngine
import OuroborosReport
import OuroborosScenario
import OuroborosStore

func argument(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1]) else { return value }
    return parsed
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

struct Outcome: Codable {
    var broke: Bool
    var breakPeriod: Int?
    var endPrices: [Double]
}

let runs = argument("--runs", default: 20)
let repeats = argument("--repeats", default: 5)
let journalRuns = argument("--journal", default: 20000)

guard let entry = BuiltInScenarios.entry(named: "ai-capex-2025"), let text = BuiltInScenarios.text(of: entry),
    case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025")
else { fatalError("no built-in network scenario") }
let simulation = try NetworkSimulation(scenario: scenario)
let result = try simulation.run()
let report = NetworkRunReport(result: result, shocks: scenario.shocks.map(\.text))
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-timing-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let path = folder.appendingPathComponent("runs.sqlite").path
let store = try RunStore(path: path)
let start = RunStart(
    kind: .network, scenarioName: scenario.name, scenarioText: text, commandLine: ["store-timing"],
    seed: result.seed, toolVersion: "bench")

var simulate: [Double] = []
var record: [Double] = []
var render: [Double] = []
var export: [Double] = []
var lastID = RunID(rawValue: 0)
for _ in 0..<repeats {
    simulate.append(try milliseconds { for _ in 0..<runs { _ = try simulation.run() } } / Double(runs))
    record.append(
        try milliseconds {
            for _ in 0..<runs {
                lastID = try store.begin(start)
                try store.finish(lastID, status: .finished, summary: RunSummary(network: result), series: RunSeries(network: result))
            }
        } / Double(runs))
    render.append(milliseconds { for _ in 0..<runs { _ = report.csv() } } / Double(runs))
    export.append(try milliseconds { for _ in 0..<runs { _ = try store.exportCSV(of: lastID) } } / Double(runs))
}
guard try store.exportCSV(of: lastID) == report.csv() else { fatalError("the exported CSV differs from the report's") }
try store.close()
func size(_ file: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0 }
let bytesPerRun = Double(size(path) + size(path + "-wal")) / Double(runs * repeats)

/// Sub-runs per second journalled from two threads, through the batching journal or with one
/// `appendRuns` transaction (one commit, one fsync) per sub-run.
func journalRate(batching: Bool, count: Int) throws -> Double {
    let store = try RunStore(path: folder.appendingPathComponent("journal-\(UUID().uuidString).sqlite").path)
    let experiment = try store.beginExperiment(start, plannedRuns: count, definitionJSON: "{}")
    let journal = ExperimentJournal(store: store, experiment: experiment)
    let payload = try JSONEncoder().encode(Outcome(broke: true, breakPeriod: 31, endPrices: [412.5, 0.92, 61_234.0]))
    let elapsed = try milliseconds {
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for i in stride(from: worker, to: count, by: 2) {
                if batching {
                    journal.record(index: i, payload: payload)
                } else {
                    do { try store.appendRuns([(i, payload)], to: experiment) } catch { fatalError("\(error)") }
                }
            }
        }
        try journal.finish(status: .finished, summary: nil)
    }
    guard try store.completedRuns(of: experiment).count == count else { fatalError("the journal lost runs") }
    return Double(count) / elapsed * 1000
}
let batched = median(try (0..<repeats).map { _ in try journalRate(batching: true, count: journalRuns) })
let perRun = median(try (0..<repeats).map { _ in try journalRate(batching: false, count: max(1, journalRuns / 20)) })

print(
    """
    {"scenario": "ai-capex-2025", "series": \(RunSeries(network: result).columns.count), "periods": \(result.periodLabels.count), \
    "runs": \(runs), "repeats": \(repeats), "simulate_ms": \(median(simulate)), "record_ms": \(median(record)), \
    "record_over_simulate": \(median(record) / median(simulate)), "render_csv_ms": \(median(render)), "export_csv_ms": \(median(export)), \
    "bytes_per_run": \(Int(bytesPerRun)), "csv_bytes": \(report.csv().utf8.count), \
    "journal_runs": \(journalRuns), "journal_runs_per_second": \(Int(batched)), "per_run_commit_runs_per_second": \(Int(perRun)), \
    "batching_speedup": \(batched / perRun)}
    """)
