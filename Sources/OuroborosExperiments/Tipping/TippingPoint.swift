public import OuroborosEngine

/// What a tipping-point search found.
public struct TippingPoint: Sendable {
    /// One run of the search.
    public struct Probe: Sendable {
        /// The shock's size.
        public var size: Double
        /// Whether the loop broke by the deadline.
        public var broke: Bool
        /// When it broke.
        public var breakLabel: String?
        /// The event that broke it.
        public var firstFailure: EngineEvent?
        /// The failures that followed.
        public var chain: [EngineEvent]
    }

    /// The shock searched.
    public var kind: NetworkShock.Kind
    public var period: Int
    public var target: String?
    /// The range searched and the deadline.
    public var mild: Double, severe: Double, deadline: Int, tolerance: Double
    /// The smallest breaking size found (the mild end when even it breaks), or nil when no size in the range breaks.
    public var size: Double?
    /// The run at that size.
    public var breaking: Probe?
    /// The most severe size seen to hold.
    public var lastHolding: Double?
    /// Every run, in the order made.
    public var probes: [Probe]
    /// True when Ctrl-C stopped the search before the tolerance was reached.
    public var interrupted: Bool
}
