/// Whether the financing loop broke, when, through which link, and what followed.
///
/// The loop breaks in the first period in which an entity on a capital cycle defaults, or a
/// compute contract, chip order or equity tranche between two members of the same strongly
/// connected component of the deal graph is cancelled or fails.
public struct LoopSummary: Sendable {
    /// True when the loop broke.
    public var broke: Bool
    /// The period it broke in.
    public var breakPeriod: Int?
    /// That period's label, e.g. `2027-03`.
    public var breakLabel: String?
    /// The breaking event; when the loop held, the first failure of any kind (or nil).
    public var firstFailure: EngineEvent?
    /// The failures that followed within the next periods (at most 12).
    public var chain: [EngineEvent]
    /// The cycle edge with the least margin (the payer's shortest runway), reported even when it holds.
    public var weakestLink: String

    /// Creates a summary.
    public init(broke: Bool, breakPeriod: Int?, breakLabel: String?, firstFailure: EngineEvent?, chain: [EngineEvent], weakestLink: String) {
        self.broke = broke
        self.breakPeriod = breakPeriod
        self.breakLabel = breakLabel
        self.firstFailure = firstFailure
        self.chain = chain
        self.weakestLink = weakestLink
    }
}
