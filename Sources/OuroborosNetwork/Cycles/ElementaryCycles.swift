/// The elementary cycles (closed paths with no repeated node) of a ``CSRGraph``, by Johnson's algorithm restricted to non-trivial strongly
/// connected components; iterative, O((n + m)(c + 1)) for c cycles without a length bound.
///
/// Each cycle is listed once, as its node sequence starting at its smallest node id (the closing
/// edge back to that node is implied); a self-loop is the cycle `[v]` of length 1.
///
/// Order (deterministic): by start node ascending, then lexicographically by node sequence, so a
/// cycle comes before its extensions (`[0, 1]` before `[0, 1, 2]` before `[0, 2]`). With `limit`,
/// the result is exactly the first `limit` cycles of that order.
///
/// Cost: without a bound, each start's search is O(n + m) plus output, and cycles in a large
/// strongly connected component can be as long as the component; `limit` caps their number, not
/// their total length (memory is one `Int32` per listed node). With `maxLength` up to 5, each start
/// runs a depth-limited DFS pruned by exact distances back to it, so the
/// short cycles of a large graph cost about the paths that close; longer bounds use Gupta–Suzumura
/// locks, where each start costs only the neighbourhood its bounded DFS reaches.
///
/// Weights: a cycle's `bottleneck` is the smallest edge weight on it (closing edge included). The
/// flow a cycle carries is `bottleneck × length` (the bottleneck amount sent once around every
/// edge), and its `share` is that flow divided by the total weight of all edges of the graph
/// (self-loops included); share is 0 when the total weight is 0. Shares of different cycles
/// overlap (cycles share edges), so they need not sum to at most 1; they are meaningful for
/// non-negative weights.
///
/// ```swift
/// let graph = try CSRGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 4), WeightedEdge(1, 0, 2), WeightedEdge(1, 2, 1), WeightedEdge(2, 1, 3)])
/// let cycles = ElementaryCycles(graph)
/// cycles.map { Array($0.nodes) } // [[0, 1], [1, 2]]
/// cycles[0].bottleneck           // 2.0; flow 4.0; share 4 / 10 = 0.4
/// ```
public struct ElementaryCycles: Sendable, Equatable, RandomAccessCollection {
    /// One elementary cycle: its nodes from the smallest id on, its bottleneck and its share of the total weight.
    public struct Cycle: Sendable, Hashable {
        /// The nodes in path order, starting at the smallest id; the edge from the last back to the first closes it.
        public let nodes: ArraySlice<Int32>
        /// The smallest edge weight on the cycle, closing edge included.
        public let bottleneck: Double
        /// `flow / totalWeight` of the graph, 0 when the total weight is 0.
        public let share: Double

        /// Number of edges (equal to the number of nodes); 1 for a self-loop.
        public var length: Int { nodes.count }
        /// The flow the cycle carries: `bottleneck × length`.
        public var flow: Double { bottleneck * Double(nodes.count) }
    }

    /// Offsets into `nodeList`, `count + 1` entries: cycle `i` is `nodeList[nodeStart[i] ..< nodeStart[i + 1]]`.
    public let nodeStart: [Int]
    /// The node sequences of all cycles, concatenated in order.
    public let nodeList: [Int32]
    /// The bottleneck of each cycle.
    public let bottlenecks: [Double]
    /// Total weight of all edges of the graph searched (the denominator of `share`).
    public let totalWeight: Double
    /// False when enumeration stopped at `limit` and at least one more cycle exists.
    public let isComplete: Bool
    /// The length bound used (cycles of at most this many edges), or nil for none.
    public let maxLength: Int?
    /// The count bound used, or nil for none.
    public let limit: Int?

    /// The elementary cycles of `graph` of at most `maxLength` edges (nil: any; must be ≥ 1), the first `limit` of them in the documented order
    /// (nil: all; must be ≥ 0).
    public init(_ graph: CSRGraph, maxLength: Int? = nil, limit: Int? = nil) {
        precondition(maxLength.map { $0 >= 1 } ?? true, "maxLength must be at least 1")
        precondition(limit.map { $0 >= 0 } ?? true, "limit must not be negative")
        let result: ([Int], [Int32], [Double], Bool)
        if let maxLength, maxLength <= ShortCycleSearch.longestBound {
            let search = ShortCycleSearch(graph, maxLength: maxLength, limit: limit)
            search.run()
            result = (search.nodeStart, search.nodeList, search.bottlenecks, search.isComplete)
        } else {
            result = Self.johnson(graph, maxLength: maxLength, limit: limit)
        }
        nodeStart = result.0
        nodeList = result.1
        bottlenecks = result.2
        isComplete = result.3
        totalWeight = graph.totalWeight
        self.maxLength = maxLength
        self.limit = limit
    }

    /// Johnson's search (Gupta–Suzumura locks when a bound can bind) over the non-trivial components.
    private static func johnson(_ graph: CSRGraph, maxLength: Int?, limit: Int?) -> ([Int], [Int32], [Double], Bool) {
        graph.withUnsafeRows { rows, columns, weights in
            let search = CycleSearch(
                nodeCount: graph.nodeCount, rows: rows, columns: columns, weights: weights,
                maxLength: maxLength, limit: limit)
            search.run()
            return (search.nodeStart, search.nodeList, search.bottlenecks, search.isComplete)
        }
    }

    /// Position of the first cycle (always 0).
    public var startIndex: Int { 0 }
    /// One past the last cycle: the number of cycles found.
    public var endIndex: Int { bottlenecks.count }

    /// Cycle number `position`, in the documented order.
    public subscript(position: Int) -> Cycle {
        let bottleneck = bottlenecks[position]
        let nodes = nodeList[nodeStart[position]..<nodeStart[position + 1]]
        let flow = bottleneck * Double(nodes.count)
        return Cycle(nodes: nodes, bottleneck: bottleneck, share: totalWeight == 0 ? 0 : flow / totalWeight)
    }
}
