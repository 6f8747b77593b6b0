/// Where a recorded run stands.
public enum RunStatus: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Begun and not yet finished (or its process died without saying so; see `RunRecord.isOrphaned`).
    case running
    /// Completed; its summary and series are stored.
    case finished
    /// Stopped by an error, which is stored with it.
    case failed
    /// Stopped by the user (Ctrl-C) or found orphaned; an experiment can be resumed.
    case interrupted

    /// The stored name.
    public var description: String { rawValue }
}
