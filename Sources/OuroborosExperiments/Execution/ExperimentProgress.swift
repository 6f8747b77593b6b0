/// Where an experiment reports its progress (a terminal's progress line, a server's event
/// stream): told the size of the work once it is known, then each finished unit, then the end.
/// `advance` is called from any worker thread.
public protocol ExperimentProgress: Sendable {
    /// The work is `total` units called `noun` (`runs`, `runs of the search`); 0 when not known ahead.
    func begin(total: Int, noun: String)
    /// One unit finished.
    func advance()
    /// The work is over (done, cancelled or failed).
    func finish()
}

/// Progress that goes nowhere.
public struct SilentProgress: ExperimentProgress {
    /// Creates it.
    public init() {}
    public func begin(total: Int, noun: String) {}
    public func advance() {}
    public func finish() {}
}
