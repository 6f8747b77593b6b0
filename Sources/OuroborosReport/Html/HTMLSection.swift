/// One section of a report: an anchor id, a heading, and its body as HTML markup.
public struct HTMLSection: Sendable {
    /// The anchor (`summary`, `money-flow`); letters, digits and `-` only.
    public var id: String
    /// The heading, plain text (escaped when written).
    public var title: String
    /// The body, well-formed HTML (every text in it already escaped).
    public var body: String

    /// Creates a section.
    public init(id: String, title: String, body: String) {
        self.id = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        self.title = title
        self.body = body
    }
}
