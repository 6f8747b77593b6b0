/// A dense index of an instrument in a ledger: `0..<instrumentCount`, used to address flat state arrays.
public struct InstrumentID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The position of the instrument in its ledger's instrument list.
    public let index: Int

    /// The instrument at position `index`.
    public init(_ index: Int) {
        self.index = index
    }

    /// Orders by index.
    public static func < (lhs: InstrumentID, rhs: InstrumentID) -> Bool { lhs.index < rhs.index }

    /// `instrument#INDEX`.
    public var description: String { "instrument#\(index)" }
}
