/// A file the request names that cannot be used: a result (an HTML report, a shard file, an
/// export) that cannot be written there, an input (a shard file) that cannot be read. A usage
/// error (exit 64); `description` is the whole message, `error: …`.
public struct RequestFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, starting `error: `.
    public var description: String

    /// `error: ` followed by `message`.
    public init(_ message: String) { description = "error: " + message }
}
