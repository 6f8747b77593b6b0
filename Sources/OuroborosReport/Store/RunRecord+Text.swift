import Foundation
public import OuroborosStore

/// How `runs` and `show` write a recorded run for people.
extension RunRecord {
    /// The summary column: the run's headline, its error, or an experiment's progress.
    public var summaryText: String {
        if let error, reportedStatus == .failed { return "error: " + (error.split(separator: "\n").first.map(String.init) ?? error) }
        var parts: [String] = []
        if let headline = summary?.headline, !headline.isEmpty { parts.append(headline) }
        if let planned = plannedRuns, reportedStatus != .finished {
            parts.append("\(completedRuns ?? 0) of \(planned) runs done")
        }
        if isOrphaned { parts.append("its process \(processID) is gone") }
        return parts.joined(separator: "; ")
    }

    /// `2026-11-21 07:12:38` (UTC, to the second) for tables.
    public var startedShort: String {
        String(startedAt.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    /// The command line as a shell would take it back.
    public var commandText: String {
        commandLine.map { argument in
            let safe = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:@%+=,".contains($0) }
            return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
