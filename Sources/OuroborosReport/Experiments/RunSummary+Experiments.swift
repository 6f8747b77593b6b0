import OuroborosCore
import OuroborosExperiments
public import OuroborosStore

/// What the run store keeps as the answer of an experiment: a one-line headline for `ouroboros
/// runs` and the command's whole `--format json` output as the summary JSON (no series). Whether
/// the loop holds is a question of single runs, so those columns stay empty.
extension RunSummary {
    /// `broken by the end of 2028 in 100.0% of 1,000 runs; half by 2027-07; first failure mostly openai`
    /// (of the runs done, for an interrupted experiment: `ouroboros runs` adds how many of how many).
    public init(monteCarlo report: MonteCarloReport) {
        let summary = report.summary
        var parts: [String] = []
        if let last = summary.breakProbability.last {
            parts.append(
                "broken by the end of \(last.year) in \(ExperimentText.percent(last.probability)) of \(NumberText.grouped(summary.runs)) runs"
            )
        } else {
            parts.append("\(NumberText.grouped(summary.runs)) runs")
        }
        if summary.breakPeriodQuantiles.count == 3 { parts.append("half by \(summary.breakPeriodQuantiles[1])") }
        if let top = summary.firstFailures.first { parts.append("first failure mostly \(top.entity)") }
        self.init(headline: parts.joined(separator: "; "), json: report.json())
    }

    /// `rate shock in 2025-06 breaks by 2027-06 from +679.0bp (openai contractCancelled)`, or that no size does.
    public init(tipping report: TippingReport) {
        let point = report.point
        var headline = "\(point.kind.rawValue) shock in \(report.date): "
        if let size = point.size, let breaking = point.breaking {
            headline += "breaks by \(report.deadline) from \(report.text(size))"
            if let event = breaking.firstFailure { headline += " (\(event.entity) \(event.type.rawValue))" }
        } else {
            headline += "no size up to \(report.text(point.severe)) breaks the loop by \(report.deadline)"
        }
        if point.interrupted { headline += "; partial" }
        self.init(headline: headline, json: report.json())
    }

    /// `morris on time-to-break: runway_trigger_months, opex_growth, user_growth lead`.
    public init(sensitivity report: SensitivityReport) {
        let result = report.result
        let leaders = result.indices.prefix(3).map(\.parameter)
        var headline = "\(result.method) on \(result.outcome): " + (leaders.isEmpty ? "no parameters" : leaders.joined(separator: ", ") + " lead")
        if result.partial { headline += "; partial" }
        self.init(headline: headline, json: report.json())
    }

    /// `baseline breaks 2027-07 | rate:+300bp@2026-01 breaks 2026-11`.
    public init(comparison report: ComparisonReport) {
        let headline = report.columns.map { column -> String in
            let outcome = column.error != nil ? "error" : column.broke ? "breaks \(column.breakLabel ?? "")" : "holds"
            return "\(column.label) \(outcome)"
        }.joined(separator: " | ")
        self.init(headline: headline, json: report.json())
    }
}
