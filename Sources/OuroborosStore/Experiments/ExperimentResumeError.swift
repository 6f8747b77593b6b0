/// A stored experiment that cannot be taken up again: its definition, scenario, shocks or
/// journal no longer rebuild the experiment that was recorded (bad data, exit 65).
public struct ExperimentResumeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `cannot resume experiment 3 of run store '…': …`.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    /// `error: MESSAGE`.
    public var description: String { "error: " + message }
}
