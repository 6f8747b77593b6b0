/// Dense node ids for string labels: ids `0, 1, 2, …` in order of first appearance; labels are compared exactly (case- and whitespace-sensitive).
///
/// ```swift
/// var labels = LabelIndex()
/// labels.intern("Lab")    // 0
/// labels.intern("Cloud")  // 1
/// labels.intern("Lab")    // 0 again
/// labels[1]               // "Cloud"
/// ```
public struct LabelIndex: Sendable, Equatable {
    /// Every label, at the position of its id.
    public private(set) var labels: [String]
    /// Id of each label.
    private var ids: [String: Int]

    /// An empty index.
    public init() {
        labels = []
        ids = [:]
    }

    /// An index of `labels` interned in order; repeated labels keep their first id.
    public init(_ labels: some Sequence<String>) {
        self.init()
        for label in labels { intern(label) }
    }

    /// Number of distinct labels, which is also the next id `intern` hands out.
    public var count: Int { labels.count }

    /// The id of `label`, adding it with the next id when it is new; O(1) expected.
    @discardableResult
    public mutating func intern(_ label: String) -> Int {
        if let id = ids[label] { return id }
        let id = labels.count
        labels.append(label)
        ids[label] = id
        return id
    }

    /// The id of `label`, or nil when it was never interned; O(1) expected.
    public func id(of label: String) -> Int? {
        ids[label]
    }

    /// The label with id `id`; `id` must be in `0 ..< count`.
    public subscript(id: Int) -> String {
        labels[id]
    }
}
