/// Why the run store could not do what was asked. Every case names the store's path.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path cannot hold a store: its folder is missing or not writable, or it is a folder.
    case unusablePath(path: String, reason: String)
    /// The file exists but is not a run store this version can use: not SQLite, corrupt, or
    /// written by a newer version of Ouroboros.
    case notAStore(path: String, reason: String)
    /// No run has this id in the store.
    case unknownRun(RunID, path: String)
    /// The run is not an experiment, so it has no journal to append to or resume.
    case notAnExperiment(RunID, path: String)
    /// The experiment cannot be resumed: it finished, or another process is still running it.
    case cannotResume(RunID, path: String, reason: String)
    /// The run has nothing to export in the format asked for (no series for a CSV).
    case noSeries(RunID, path: String, reason: String)
    /// What the caller asked to store is malformed (invalid JSON, a series of the wrong length).
    case invalidRecord(path: String, reason: String)
    /// A read or write failed once the store was open (disk full, lock held past the busy timeout).
    case databaseFailure(path: String, action: String, reason: String)

    /// True when the command line was wrong (a bad path or run id): exit 64; otherwise the
    /// store's content or the machine is at fault: exit 65.
    public var isUsageError: Bool {
        switch self {
        case .unusablePath, .unknownRun, .notAnExperiment, .cannotResume, .noSeries: true
        case .notAStore, .invalidRecord, .databaseFailure: false
        }
    }

    /// `error: run store PATH: what went wrong`.
    public var description: String {
        switch self {
        case .unusablePath(let path, let reason):
            "error: run store '\(path)': \(reason) (choose another with --store PATH or OUROBOROS_STORE, or record nothing with --no-store)"
        case .notAStore(let path, let reason):
            "error: run store '\(path)': \(reason) (move the file away, or choose another store with --store PATH, or record nothing with --no-store)"
        case .unknownRun(let id, let path):
            "error: run store '\(path)': no run with id \(id) (`ouroboros runs` lists the ids)"
        case .notAnExperiment(let id, let path):
            "error: run store '\(path)': run \(id) is not an experiment"
        case .cannotResume(let id, let path, let reason):
            "error: run store '\(path)': cannot resume run \(id): \(reason)"
        case .noSeries(let id, let path, let reason):
            "error: run store '\(path)': run \(id) has no series to export as CSV: \(reason)"
        case .invalidRecord(let path, let reason):
            "error: run store '\(path)': \(reason)"
        case .databaseFailure(let path, let action, let reason):
            "error: run store '\(path)': cannot \(action): \(reason)"
        }
    }
}
