/// The answer a run gave, kept both as columns (to list and filter runs) and as one JSON object.
public struct RunSummary: Sendable, Equatable {
    /// For a network run: true when the financing loop held to the horizon, false when it broke;
    /// nil when the question does not apply (an equation model, most experiments).
    public var holds: Bool?
    /// The label of the period the loop broke in, e.g. `2027-03`.
    public var breakPeriod: String?
    /// The first failure in words, e.g. `openai default: cannot pay its compute contract`.
    public var firstFailure: String?
    /// One line for `ouroboros runs`, e.g. `breaks 2027-03: openai default`.
    public var headline: String
    /// The whole summary as one JSON object (validated when stored).
    public var json: String

    /// Creates a summary.
    public init(holds: Bool? = nil, breakPeriod: String? = nil, firstFailure: String? = nil, headline: String, json: String) {
        self.holds = holds
        self.breakPeriod = breakPeriod
        self.firstFailure = firstFailure
        self.headline = headline
        self.json = json
    }
}
