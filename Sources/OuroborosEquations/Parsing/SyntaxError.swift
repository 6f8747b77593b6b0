/// A syntax error inside one piece of equation text, before it is placed in a file.
///
/// `offset` counts Unicode scalars from the first character of the text, so the caller reports it
/// at `location.advanced(byColumns: offset)`.
struct SyntaxError: Error, Sendable, Equatable {
    /// What is wrong and what was expected.
    var message: String
    /// Where in the text, in Unicode scalars from its start.
    var offset: Int

    /// Creates a syntax error at `offset`.
    init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
