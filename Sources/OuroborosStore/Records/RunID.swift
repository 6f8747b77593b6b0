/// The number of a recorded run in its store, as `ouroboros runs` lists it and `ouroboros show` takes it.
public struct RunID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The row id in the store (positive, increasing in the order runs began).
    public var rawValue: Int64

    /// Wraps a stored id.
    public init(rawValue: Int64) { self.rawValue = rawValue }

    /// Reads a run id as typed on the command line: a positive decimal integer.
    public init?(_ text: String) {
        guard let value = Int64(text), value > 0 else { return nil }
        rawValue = value
    }

    /// The decimal id.
    public var description: String { String(rawValue) }

    public static func < (lhs: RunID, rhs: RunID) -> Bool { lhs.rawValue < rhs.rawValue }
}
