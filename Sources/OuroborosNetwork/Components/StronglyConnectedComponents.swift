/// The strongly connected components of a ``CSRGraph``, found by iterative Tarjan (explicit stacks, no recursion, O(n + m) time, about 28 bytes of
/// scratch per node).
///
/// Numbering: components are numbered in the order Tarjan's algorithm completes them, which is a
/// reverse topological order of the condensation: every edge `u → v` between different components
/// has `componentOf[u] > componentOf[v]` (sinks get small ids; walking ids downward visits payers
/// before payees). Roots are tried in ascending node order, so the numbering is deterministic.
/// `renumberedBySmallestNode()` gives the order-by-smallest-member numbering instead.
///
/// ```swift
/// let graph = try CSRGraph(nodeCount: 4, edges: [WeightedEdge(0, 1), WeightedEdge(1, 0), WeightedEdge(1, 2), WeightedEdge(3, 3)])
/// let scc = StronglyConnectedComponents(graph)
/// scc.componentCount            // 3: {2}, {0, 1}, {3}
/// scc.nonTrivial.map(scc.members) // [[0, 1], [3]] ({3} has a self-loop; {2} is trivial)
/// ```
public struct StronglyConnectedComponents: Sendable, Equatable {
    /// Component id of every node, in `0 ..< componentCount`.
    public let componentOf: [Int32]
    /// Number of components (n for an acyclic graph, 0 for an empty one).
    public let componentCount: Int
    /// Offsets into `memberList`, `componentCount + 1` entries: component `c` is `memberList[memberStart[c] ..< memberStart[c + 1]]`.
    public let memberStart: [Int]
    /// All nodes grouped by component, ascending within each component.
    public let memberList: [Int32]
    /// Per component, whether it contains a cycle: more than one node, or one node with a self-loop.
    public let isNonTrivial: [Bool]

    /// The components of `graph`.
    public init(_ graph: CSRGraph) {
        let n = graph.nodeCount
        var componentOf = [Int32](repeating: 0, count: n)
        var sizes: [Int] = []
        var nonTrivial: [Bool] = []
        let workspace = TarjanWorkspace(nodeCount: n)
        graph.withUnsafeRows { rows, columns, _ in
            componentOf.withUnsafeMutableBufferPointer { component in
                workspace.run(rowStart: rows, column: columns, roots: 0..<n, filter: AllNodes()) { members in
                    let id = Int32(truncatingIfNeeded: sizes.count)
                    for node in members { component[Int(node)] = id }
                    sizes.append(members.count)
                    if members.count > 1 {
                        nonTrivial.append(true)
                    } else {
                        let v = Int(members[0])
                        nonTrivial.append(graph.hasSelfLoop(v))
                    }
                }
            }
        }
        self.init(componentOf: componentOf, sizes: sizes, isNonTrivial: nonTrivial)
    }

    /// Assembles the member lists from a labelling by one counting sort (members ascending per component).
    private init(componentOf: [Int32], sizes: [Int], isNonTrivial: [Bool]) {
        let count = sizes.count
        var memberStart = [Int](repeating: 0, count: count + 1)
        for c in 0..<count { memberStart[c + 1] = memberStart[c] + sizes[c] }
        var memberList = [Int32](repeating: 0, count: componentOf.count)
        var next = memberStart
        for v in 0..<componentOf.count {
            let c = Int(componentOf[v])
            memberList[next[c]] = Int32(truncatingIfNeeded: v)
            next[c] += 1
        }
        self.componentOf = componentOf
        self.componentCount = count
        self.memberStart = memberStart
        self.memberList = memberList
        self.isNonTrivial = isNonTrivial
    }

    /// Nodes of component `component`, ascending; `component` must be in `0 ..< componentCount`.
    public func members(_ component: Int) -> ArraySlice<Int32> {
        memberList[memberStart[component]..<memberStart[component + 1]]
    }

    /// Number of nodes in component `component`.
    public func size(of component: Int) -> Int {
        memberStart[component + 1] - memberStart[component]
    }

    /// Ids of the components that contain a cycle (size > 1, or a single node with a self-loop), ascending.
    public var nonTrivial: [Int] {
        (0..<componentCount).filter { isNonTrivial[$0] }
    }

    /// True when `u` and `v` lie in the same component (each reaches the other).
    public func areStronglyConnected(_ u: Int, _ v: Int) -> Bool {
        componentOf[u] == componentOf[v]
    }

    /// The same partition renumbered so ids ascend with each component's smallest node (component 0 holds node 0); the topological property of the
    /// default numbering is lost.
    public func renumberedBySmallestNode() -> StronglyConnectedComponents {
        var newId = [Int32](repeating: -1, count: componentCount)
        var next: Int32 = 0
        var relabelled = [Int32](repeating: 0, count: componentOf.count)
        for v in 0..<componentOf.count {
            let old = Int(componentOf[v])
            if newId[old] < 0 {
                newId[old] = next
                next += 1
            }
            relabelled[v] = newId[old]
        }
        var sizes = [Int](repeating: 0, count: componentCount)
        var flags = [Bool](repeating: false, count: componentCount)
        for old in 0..<componentCount {
            sizes[Int(newId[old])] = size(of: old)
            flags[Int(newId[old])] = isNonTrivial[old]
        }
        return StronglyConnectedComponents(componentOf: relabelled, sizes: sizes, isNonTrivial: flags)
    }

    /// The condensation: one node per component, an edge `a → b` carrying the summed weight of all edges from `a` to `b ≠ a`; acyclic, with edges
    /// from higher to lower ids under the default numbering.
    public func condensation(of graph: CSRGraph) -> CSRGraph {
        var sources: [Int32] = []
        var targets: [Int32] = []
        var amounts: [Double] = []
        for u in 0..<graph.nodeCount {
            let a = componentOf[u]
            for e in graph.edges(from: u) {
                let b = componentOf[Int(graph.column[e])]
                if a != b {
                    sources.append(a)
                    targets.append(b)
                    amounts.append(graph.weight[e])
                }
            }
        }
        let built = CSRBuilder.build(
            nodeCount: componentCount, sources: sources, targets: targets, amounts: amounts, keepSelfLoops: false)
        return CSRGraph(uncheckedNodeCount: componentCount, rowStart: built.rowStart, column: built.column, weight: built.weight)
    }
}
