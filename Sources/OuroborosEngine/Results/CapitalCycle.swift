/// An elementary cycle of the deal graph among firms: money that can flow around and come back.
public struct CapitalCycle: Sendable, Hashable {
    /// Entity ids in cycle order; the last pays the first.
    public var entities: [String]
    /// The edge with the smallest deal value, `from → to`.
    public var bottleneck: String
    /// The deal value on the bottleneck edge, USD.
    public var bottleneckAmount: Double
    /// The flow the cycle can carry (bottleneck × number of edges) over all deal value among firms.
    public var shareOfDealFlow: Double
    /// The index of the strongly connected component the cycle lies in.
    public var component: Int

    /// Creates a cycle record.
    public init(entities: [String], bottleneck: String, bottleneckAmount: Double, shareOfDealFlow: Double, component: Int) {
        self.entities = entities
        self.bottleneck = bottleneck
        self.bottleneckAmount = bottleneckAmount
        self.shareOfDealFlow = shareOfDealFlow
        self.component = component
    }
}
