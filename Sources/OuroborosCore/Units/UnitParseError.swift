/// A quantity written in a form that cannot be read: the text given and the form expected.
///
/// Printed as `expected an amount such as $300B, $1.4T or 20bn, found "30X"`, with the reason in
/// parentheses when the form was right but the value was not (`month 13 is not between 1 and 12`).
public struct UnitParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given, before trimming.
    public var text: String
    /// What would have been accepted, e.g. `an amount such as $300B, $1.4T or 20bn`.
    public var expected: String
    /// Why a well-formed text was still refused (out of range, not finite), if that was the problem.
    public var reason: String?

    /// Creates an error for `text`, which should have been `expected`.
    public init(text: String, expected: String, reason: String? = nil) {
        self.text = text
        self.expected = expected
        self.reason = reason
    }

    /// `expected EXPECTED, found "TEXT"` plus ` (REASON)` when there is one.
    public var description: String {
        let base = "expected \(expected), found \"\(text)\""
        guard let reason else { return base }
        return "\(base) (\(reason))"
    }

    /// The same error as a `Diagnostic` at `location`, for file-level error reports.
    public func diagnostic(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(description, at: location)
    }
}

/// The forms each unit accepts, quoted in error messages.
enum ExpectedForm {
    static let money = "an amount such as $300B, $1.4T or 20bn"
    static let rate = "a rate such as 4.25%, 150bp or 0.0425"
    static let power = "a power such as 10 GW, 750 MW or 500 kW"
    static let period = "a period such as 2025-09, 2025Q3 or 2025"
    static let tenor = "a duration such as 6m, 18 months, 2y or 3q"
}
