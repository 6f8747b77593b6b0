public import Foundation
import GRDB
import OuroborosCore

/// The experiment journal: an experiment (Monte Carlo, sensitivity, …) is one run whose
/// completed sub-runs are appended as they finish, each under its index, so that a killed
/// experiment keeps every committed sub-run and `--resume` continues without redoing or
/// duplicating any.
extension RunStore {
    /// Records the start of an experiment of `plannedRuns` sub-runs. `definitionJSON` holds
    /// whatever the experiment needs to start again identically on `--resume` (its options,
    /// shocks, seed); it must be valid JSON.
    public func beginExperiment(_ start: RunStart, plannedRuns: Int, definitionJSON: String) throws(StoreError) -> RunID {
        guard plannedRuns >= 0 else {
            throw .invalidRecord(path: path, reason: "an experiment plans a non-negative number of runs, found \(plannedRuns)")
        }
        try validateJSON(definitionJSON, what: "definition of the experiment")
        return try insertRun(start, plannedRuns: plannedRuns, definitionJSON: definitionJSON)
    }

    /// Appends completed sub-runs in one transaction. An index already journalled is left as it
    /// is (`INSERT OR IGNORE`), so appending again after a resume never duplicates a run.
    public func appendRuns(_ runs: [(index: Int, payload: Data)], to experiment: RunID) throws(StoreError) {
        guard !runs.isEmpty else { return }
        let planned = try plannedRuns(of: experiment)
        if let bad = runs.first(where: { !(0..<planned).contains($0.index) }) {
            throw .invalidRecord(path: path, reason: "run index \(bad.index) is outside experiment \(experiment)'s 0..<\(planned)")
        }
        try perform("journal \(runs.count) runs of experiment \(experiment)") {
            try pool.write { db in
                let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO experiment_run (run_id, run_index, payload) VALUES (?, ?, ?)")
                for run in runs {
                    try insert.execute(arguments: [experiment.rawValue, run.index, run.payload])
                }
            }
        }
    }

    /// The journalled sub-runs of an experiment, by increasing index.
    public func completedRuns(of experiment: RunID) throws(StoreError) -> [(index: Int, payload: Data)] {
        _ = try plannedRuns(of: experiment)
        return try perform("read the journal of experiment \(experiment)") {
            try pool.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT run_index, payload FROM experiment_run WHERE run_id = ? ORDER BY run_index",
                    arguments: [experiment.rawValue]
                ).map { (index: $0["run_index"] as Int, payload: $0["payload"] as Data) }
            }
        }
    }

    /// Everything needed to start an experiment again: its kind, scenario text, seed, command
    /// line, planned runs and definition.
    public func experimentDefinition(of experiment: RunID) throws(StoreError) -> ExperimentDefinition {
        let record = try run(experiment)
        guard let plannedRuns = record.plannedRuns else { throw .notAnExperiment(experiment, path: path) }
        let definition = try perform("read the definition of experiment \(experiment)") {
            try pool.read { db in try String.fetchOne(db, sql: "SELECT definition_json FROM run WHERE id = ?", arguments: [experiment.rawValue]) }
        }
        return ExperimentDefinition(
            record: record, scenarioText: try scenarioText(of: experiment),
            plannedRuns: plannedRuns, definitionJSON: definition ?? "null")
    }

    /// Marks an interrupted (or orphaned) experiment as running again in this process and returns
    /// its definition and journalled sub-runs; the caller runs the missing indices, appends them
    /// and finishes the experiment. Refuses a finished experiment, and one whose process is alive.
    public func resumeExperiment(_ experiment: RunID) throws(StoreError) -> (
        definition: ExperimentDefinition, completed: [(index: Int, payload: Data)]
    ) {
        let definition = try experimentDefinition(of: experiment)
        let record = definition.record
        switch record.reportedStatus {
        case .finished:
            throw .cannotResume(
                experiment, path: path, reason: "it finished at \(record.finishedAt ?? "?"); `ouroboros show \(experiment)` prints its result")
        case .running:
            throw .cannotResume(experiment, path: path, reason: "it is still running in process \(record.processID) on \(record.host)")
        case .failed, .interrupted:
            break
        }
        let host = Self.hostName
        try perform("mark experiment \(experiment) as resumed") {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE run SET status = 'running', finished_at = NULL, error = NULL, host = ?, process_id = ? WHERE id = ?",
                    arguments: [host, Int(CLibrary.processID), experiment.rawValue])
            }
        }
        var resumed = definition
        resumed.record = try run(experiment)
        return (resumed, try completedRuns(of: experiment))
    }

    /// Records how an experiment ended (see `finish`); its journal stays as it is.
    public func finishExperiment(
        _ experiment: RunID, status: RunStatus, summary: RunSummary?, series: RunSeries? = nil,
        error: String? = nil
    ) throws(StoreError) {
        _ = try plannedRuns(of: experiment)
        try finish(experiment, status: status, summary: summary, series: series, error: error)
    }

    private func plannedRuns(of experiment: RunID) throws(StoreError) -> Int {
        let found: Row? = try perform("read experiment \(experiment)") {
            try pool.read { db in try Row.fetchOne(db, sql: "SELECT planned_runs FROM run WHERE id = ?", arguments: [experiment.rawValue]) }
        }
        guard let found else { throw .unknownRun(experiment, path: path) }
        guard let planned = found["planned_runs"] as Int? else { throw .notAnExperiment(experiment, path: path) }
        return planned
    }
}

/// What `--resume RUN_ID` needs to start an experiment again as it was first started.
public struct ExperimentDefinition: Sendable, Equatable {
    /// The experiment's row (kind, scenario name and hash, command line, seed, status).
    public var record: RunRecord
    /// The scenario text it ran on, byte for byte.
    public var scenarioText: String
    /// The number of sub-runs planned.
    public var plannedRuns: Int
    /// The definition given to `beginExperiment`.
    public var definitionJSON: String
}
