/// What produced a recorded run: a single simulation, an experiment, or a report.
///
/// Open-ended so that new commands record themselves without a schema change; the kinds the
/// tool writes today are the static members.
public struct RunKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored name, e.g. `network`.
    public var rawValue: String

    /// Wraps a stored name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// One run of a network scenario (`ouroboros run` on a `kind: network` file).
    public static let network = RunKind(rawValue: "network")
    /// One run of an equation model (`ouroboros run` on a `kind: equations` file).
    public static let equations = RunKind(rawValue: "equations")
    /// A Monte Carlo experiment: many runs with parameters drawn from `uncertain:`.
    public static let monteCarlo = RunKind(rawValue: "montecarlo")
    /// A tipping-point search on one shock's size.
    public static let tipping = RunKind(rawValue: "tipping")
    /// A global sensitivity analysis (Morris or Sobol).
    public static let sensitivity = RunKind(rawValue: "sensitivity")
    /// Scenarios or shock sets compared side by side.
    public static let comparison = RunKind(rawValue: "compare")
    /// An HTML report.
    public static let report = RunKind(rawValue: "report")

    /// The stored name.
    public var description: String { rawValue }
}
