/// Where a figure comes from.
public struct DealSource: Sendable, Hashable {
    /// The address of the report.
    public var url: String
    /// Its title.
    public var title: String

    /// Creates a source.
    public init(url: String, title: String) {
        self.url = url
        self.title = title
    }
}
