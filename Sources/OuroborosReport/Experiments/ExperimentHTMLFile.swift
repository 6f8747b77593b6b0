import Foundation
import OuroborosCore
public import OuroborosEngine
public import OuroborosExperiments

/// `--report PATH` of the experiment commands: the path checked before the experiment runs, and
/// the experiment's self-contained HTML report written atomically when it is done (also when it
/// was cancelled: the report is then marked partial).
public enum ExperimentHTMLFile {
    /// A `RequestError` unless `path`'s folder exists and is writable (checked before any run).
    public static func validate(_ path: String?) throws(RequestError) {
        guard let path else { return }
        guard !path.isEmpty else { throw RequestError("--report: expected a file path such as report.html") }
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw RequestError("--report '\(path)': is a folder; expected a file path such as report.html")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw RequestError("--report '\(path)': the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw RequestError("--report '\(path)': the folder \(folder) is not writable")
        }
    }

    /// Writes `page()` to `path` when a path was given; a write that fails is an `RequestFileError`.
    static func write(_ path: String?, _ page: () throws -> String) throws {
        guard let path else { return }
        let html = try page()
        do {
            try AtomicFile.write(html, to: path)
        } catch {
            throw RequestFileError("cannot write the report \(path): \(error)")
        }
    }

    /// The Monte Carlo report of `summary`.
    public static func monteCarlo(_ summary: MonteCarloSummary, scenario: NetworkScenario, to path: String?) throws {
        try write(path) { MonteCarloHTMLReport(summary: summary, scenario: scenario).html() }
    }

    /// The sensitivity report of `result`.
    public static func sensitivity(_ result: SensitivityResult, scenario: NetworkScenario, shocks: [String], to path: String?) throws {
        try write(path) { SensitivityHTMLReport(result: result, scenario: scenario, shocks: shocks).html() }
    }

    /// The tipping-point report of `point`, with the full network run at the tipping size.
    public static func tipping(_ point: TippingPoint, scenario: NetworkScenario, seed: UInt64, to path: String?) throws {
        try write(path) {
            var run: (result: NetworkRunResult, detail: RunDetail)?
            if let size = point.size {
                let shock = TippingHTMLReport.shock(point, size: size, in: scenario)
                run = try NetworkSimulation(scenario: scenario, shocks: [shock]).runWithDetail(seed: seed)
            }
            return TippingHTMLReport(point: point, scenario: scenario, seed: seed, run: run).html()
        }
    }

    /// The comparison report of `outcomes` (each case's column and the run it came from).
    public static func comparison(
        _ outcomes: [(column: ScenarioComparison.Column, result: NetworkRunResult?)],
        cases: [ScenarioComparison.Case], to path: String?
    ) throws {
        try write(path) {
            let runs = zip(cases, outcomes).map { item, outcome in
                ComparisonHTMLReport.Run(column: outcome.column, result: outcome.result, keySeries: KeySeries.all(for: item.shockedScenario))
            }
            return ComparisonHTMLReport(runs: runs).html()
        }
    }
}
