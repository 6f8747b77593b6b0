/// A request that is wrong as asked — an option's value, a scenario of the wrong kind, a date
/// outside the calendar — as opposed to bad data in a file: the command line's usage error
/// (exit 64), a server's bad request. `message` says what was expected, naming the option.
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `--shock 'rate:+x@2026-01': …`.
    public var message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
