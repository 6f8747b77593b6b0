import ArgumentParser
import Foundation
import OuroborosEngine
import OuroborosExperiments
import OuroborosReport
import OuroborosScenario

/// `--report PATH` of the experiment commands: checks the path before the experiment runs and
/// writes the experiment's self-contained HTML report atomically when it is done (also when
/// Ctrl-C stopped it: the report is then marked partial).
enum ExperimentReportWriter {
    /// A usage error unless `path`'s folder exists and is writable (called from `validate()`, so
    /// that a bad path stops the command before any run).
    static func validate(_ path: String?) throws {
        guard let path else { return }
        guard !path.isEmpty else { throw ValidationError("--report: expected a file path such as report.html") }
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--report '\(path)': is a folder; expected a file path such as report.html")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--report '\(path)': the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("--report '\(path)': the folder \(folder) is not writable")
        }
    }

    /// Writes `page()` to `path` when a path was given; a write that fails is a usage error (64).
    static func write(_ path: String?, _ page: () throws -> String) throws {
        guard let path else { return }
        let html = try page()
        do {
            try AtomicFile.write(html, to: path)
        } catch {
            StandardStreams.err("error: cannot write the report \(path): \(error)")
            throw ExitStatus.usage
        }
    }

    /// The Monte Carlo report of `summary`.
    static func monteCarlo(_ summary: MonteCarloSummary, scenario: NetworkScenario, to path: String?) throws {
        try write(path) { MonteCarloHTMLReport(summary: summary, scenario: scenario).html() }
    }

    /// The sensitivity report of `result`.
    static func sensitivity(_ result: SensitivityResult, scenario: NetworkScenario, shocks: [String], to path: String?) throws {
        try write(path) { SensitivityHTMLReport(result: result, scenario: scenario, shocks: shocks).html() }
    }

    /// The tipping-point report of `point`, with the full network run at the tipping size.
    static func tipping(_ point: TippingPoint, scenario: NetworkScenario, seed: UInt64, to path: String?) throws {
        try write(path) {
            var run: (result: NetworkRunResult, detail: RunDetail)?
            if let size = point.size {
                let shock = TippingHTMLReport.shock(point, size: size, in: scenario)
                do {
                    run = try NetworkSimulation(scenario: scenario, shocks: [shock]).runWithDetail(seed: seed)
                } catch {
                    throw ExitStatus.report(error)
                }
            }
            return TippingHTMLReport(point: point, scenario: scenario, seed: seed, run: run).html()
        }
    }

    /// The comparison report of `outcomes` (each case's column and the run it came from).
    static func comparison(
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
