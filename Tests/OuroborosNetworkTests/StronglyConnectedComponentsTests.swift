import OuroborosNetwork
import PropertyBased
import Testing

@Suite("StronglyConnectedComponents")
struct StronglyConnectedComponentsTests {
    /// The graph of CLRS figure 22.9 (a…h): components {a, b, e}, {c, d}, {f, g}, {h}, with a self-loop on h.
    static func textbook() throws -> (graph: CSRGraph, labels: LabelIndex) {
        var labels = LabelIndex()
        let arcs = [
            ("a", "b"), ("b", "c"), ("b", "e"), ("b", "f"), ("c", "d"), ("c", "g"), ("d", "c"), ("d", "h"),
            ("e", "a"), ("e", "f"), ("f", "g"), ("g", "f"), ("g", "h"), ("h", "h"),
        ]
        let graph = try CSRGraph(labelledEdges: arcs.map { ($0.0, $0.1, 1.0) }, labels: &labels)
        return (graph, labels)
    }

    @Test("the CLRS textbook graph has four components in reverse topological order")
    func textbookGraph() throws {
        let (graph, labels) = try Self.textbook()
        let scc = StronglyConnectedComponents(graph)
        let names = (0..<scc.componentCount).map { c in scc.members(c).map { labels[Int($0)] } }
        // Sinks first: {h} is completed first, then {f, g}, then {c, d}, then the source {a, b, e}.
        #expect(names == [["h"], ["f", "g"], ["c", "d"], ["a", "b", "e"]])
        #expect(scc.isNonTrivial == [true, true, true, true])
        #expect(scc.areStronglyConnected(labels.id(of: "a")!, labels.id(of: "e")!))
        #expect(!scc.areStronglyConnected(labels.id(of: "a")!, labels.id(of: "c")!))

        let bySmallest = scc.renumberedBySmallestNode()
        let renamed = (0..<bySmallest.componentCount).map { c in bySmallest.members(c).map { labels[Int($0)] } }
        #expect(renamed == [["a", "b", "e"], ["c", "d"], ["f", "g"], ["h"]])

        let condensed = scc.condensation(of: graph)
        #expect(
            condensed.edgeList() == [
                WeightedEdge(1, 0, 1), WeightedEdge(2, 0, 1), WeightedEdge(2, 1, 1),
                WeightedEdge(3, 1, 2), WeightedEdge(3, 2, 1),
            ])
    }

    @Test("trivial components: isolated nodes, a self-loop, a two-cycle")
    func trivialAndNonTrivial() {
        let scc = StronglyConnectedComponents(makeGraph(5, arcs: [(0, 1), (1, 0), (2, 2), (3, 4)]))
        #expect(scc.componentCount == 4)
        #expect(scc.nonTrivial.map { Array(scc.members($0)) } == [[0, 1], [2]])
        #expect(StronglyConnectedComponents(makeGraph(0, arcs: [])).componentCount == 0)
    }

    @Test("a million-node path is a million trivial components (no recursion limit)")
    func millionNodePath() throws {
        let n = 1_000_000
        let graph = try CSRGraph(
            nodeCount: n, sources: (0..<n - 1).map { Int32($0) }, targets: (1..<n).map { Int32($0) },
            amounts: [Double](repeating: 1, count: n - 1))
        let scc = StronglyConnectedComponents(graph)
        #expect(scc.componentCount == n)
        #expect(scc.nonTrivial.isEmpty)
        #expect(scc.componentOf[0] == Int32(n - 1))
        #expect(scc.componentOf[n - 1] == 0)
    }

    @Test("a million-node cycle is one non-trivial component")
    func millionNodeCycle() throws {
        let n = 1_000_000
        let graph = try CSRGraph(
            nodeCount: n, sources: (0..<n).map { Int32($0) }, targets: (0..<n).map { Int32(($0 + 1) % n) },
            amounts: [Double](repeating: 1, count: n))
        let scc = StronglyConnectedComponents(graph)
        #expect(scc.componentCount == 1)
        #expect(scc.nonTrivial == [0])
        #expect(scc.size(of: 0) == n)
    }

    @Test("agrees with a reachability closure on random small graphs")
    func agreesWithReachability() async {
        let arcs = zip(Gen.int(in: 0...7), Gen.int(in: 0...7)).array(of: 0...24)
        await propertyCheck(count: 300, input: Gen.int(in: 1...8), arcs) { n, arcs in
            let graph = makeGraph(n, arcs: arcs.map { ($0.0 % n, $0.1 % n) })
            let scc = StronglyConnectedComponents(graph)
            let reach = reachability(graph)
            for u in 0..<n {
                for v in 0..<n {
                    #expect(scc.areStronglyConnected(u, v) == (reach[u][v] && reach[v][u]))
                }
            }
            // Edges between components go from higher to lower ids (reverse topological numbering).
            for edge in graph.edgeList() where !scc.areStronglyConnected(edge.from, edge.to) {
                #expect(scc.componentOf[edge.from] > scc.componentOf[edge.to])
            }
            for c in 0..<scc.componentCount {
                let members = scc.members(c)
                #expect(members.sorted() == Array(members))
                let cyclic = members.count > 1 || graph.hasSelfLoop(Int(members.first!))
                #expect(scc.isNonTrivial[c] == cyclic)
            }
            let renumbered = scc.renumberedBySmallestNode()
            let smallest = (0..<renumbered.componentCount).map { renumbered.members($0).first! }
            #expect(smallest == smallest.sorted())
        }
    }
}
