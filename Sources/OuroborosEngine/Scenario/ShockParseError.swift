public import OuroborosCore

/// A shock written in a form that cannot be read: what was expected, what was found, and where in
/// the text the problem starts (so that a file can point at the exact column).
///
/// Printed as `expected KIND:SIZE@DATE such as rate:+300bp@2026-01; unknown kind 'rates' (expected
/// one of: rate, liquidity, …)`.
public struct ShockParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The shock as given.
    public var text: String
    /// What is wrong with it, e.g. `unknown kind 'rates' (expected one of: rate, liquidity, …)`.
    public var problem: String
    /// Offset of the offending part in `text`, in Unicode scalars from 0 (the kind, the size or the date).
    public var offset: Int

    /// Creates an error for `text` with `problem` found at `offset`.
    public init(text: String, problem: String, offset: Int = 0) {
        self.text = text
        self.problem = problem
        self.offset = offset
    }

    /// The form every shock has, quoted at the start of each message.
    public static let expectedForm = "expected KIND:SIZE@DATE such as rate:+300bp@2026-01"

    /// `expected KIND:SIZE@DATE such as rate:+300bp@2026-01; PROBLEM`.
    public var description: String { "\(Self.expectedForm); \(problem)" }

    /// The same error as a diagnostic, pointing at the offending part of the shock written at `location`.
    public func diagnostic(at location: SourceLocation) -> Diagnostic {
        Diagnostic(description, at: location.advanced(byColumns: offset))
    }
}
