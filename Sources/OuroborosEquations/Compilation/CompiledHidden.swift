import OuroborosCore

/// A hidden equation ready to check: both sides' code and the text for messages.
struct CompiledHidden: Sendable {
    /// The text as written.
    var text: String
    /// Where it is written.
    var location: SourceLocation?
    /// The left side.
    var left: CodeRange
    /// The right side.
    var right: CodeRange
}
