/// A run as the store lists it: everything but its scenario text, series and experiment journal.
public struct RunRecord: Sendable, Equatable {
    /// Its id in the store.
    public var id: RunID
    /// What kind of run.
    public var kind: RunKind
    /// The scenario or model's name.
    public var scenarioName: String
    /// SHA-256 of the scenario text, 64 hexadecimal digits.
    public var scenarioHash: String
    /// The command line that started it.
    public var commandLine: [String]
    /// Its seed, when it draws random numbers.
    public var seed: UInt64?
    /// The version of Ouroboros that ran it.
    public var toolVersion: String
    /// The machine and process that ran it.
    public var host: String
    /// The process id that ran it (on `host`).
    public var processID: Int32
    /// When it began, ISO 8601 UTC.
    public var startedAt: String
    /// When it ended, ISO 8601 UTC; nil while running.
    public var finishedAt: String?
    /// The status as stored.
    public var status: RunStatus
    /// True when the status says running but the process that ran it is gone (killed, crashed):
    /// checked on this machine only; a run from another host is taken at its word.
    public var isOrphaned: Bool
    /// The answer it gave, once finished (or the partial answer of an interrupted experiment).
    public var summary: RunSummary?
    /// The error that stopped it, when it failed.
    public var error: String?
    /// For an experiment: the number of runs planned.
    public var plannedRuns: Int?
    /// For an experiment: the number of runs completed and journalled.
    public var completedRuns: Int?
    /// The number of stored series.
    public var seriesCount: Int

    /// The status to show: an orphaned run shows as interrupted.
    public var reportedStatus: RunStatus { isOrphaned ? .interrupted : status }

    /// True for an experiment (a run with a journal of sub-runs).
    public var isExperiment: Bool { plannedRuns != nil }
}
