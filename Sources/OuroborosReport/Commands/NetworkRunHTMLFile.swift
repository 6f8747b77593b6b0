import Foundation
import OuroborosCore
public import OuroborosEngine
public import OuroborosExperiments

/// The self-contained HTML report of one network run, written atomically (`ouroboros report`,
/// `ouroboros run --report`).
public enum NetworkRunHTMLFile {
    /// Writes the report of `run` on `scenario` under `shocks` (as written), showing the money
    /// flows and matrices of `flowPeriod` (nil: the report's default), to `path`; a path that
    /// cannot be written is a `RequestFileError`.
    public static func write(
        _ run: (result: NetworkRunResult, detail: RunDetail), scenario: NetworkScenario, shocks: [String],
        flowPeriod: Int?, to path: String
    ) throws(RequestFileError) {
        let report = NetworkRunHTMLReport(result: run.result, detail: run.detail, scenario: scenario, shocks: shocks, flowPeriod: flowPeriod)
        do {
            try AtomicFile.write(report.html(), to: path)
        } catch {
            throw RequestFileError("\(error)")
        }
    }

    /// The period index of `text` among `labels` (1 … T): a label as written (`2026-03`, `2026Q1`)
    /// or, for quarterly runs, the quarter holding the month `YYYY-MM`; else a `RequestError`.
    public static func period(_ text: String, labels: [String]) throws(RequestError) -> Int {
        let wanted = text.trimmingCharacters(in: .whitespaces)
        if let index = labels.indices.dropFirst().first(where: { labels[$0] == wanted }) { return index }
        let parts = wanted.split(separator: "-")
        if parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
            let quarter = "\(year)Q\((month - 1) / 3 + 1)"
            if let index = labels.indices.dropFirst().first(where: { labels[$0] == quarter }) { return index }
        }
        throw RequestError("--period '\(text)': expected a month YYYY-MM between \(labels[1]) and \(labels[labels.count - 1])")
    }
}
