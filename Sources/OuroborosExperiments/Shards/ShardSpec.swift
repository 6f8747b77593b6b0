/// Shard `index` of `count` (from 1): a contiguous slice of the run indices.
public struct ShardSpec: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Which slice, 1 … count.
    public var index: Int
    /// How many slices.
    public var count: Int

    /// Shard `index` of `count`.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `I/N` with 1 ≤ I ≤ N, or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else { return nil }
        self.init(index: index, count: count)
    }

    /// The runs of this slice out of `runs`.
    public func runs(of runs: Int) -> Range<Int> {
        (runs * (index - 1) / count)..<(runs * index / count)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}
