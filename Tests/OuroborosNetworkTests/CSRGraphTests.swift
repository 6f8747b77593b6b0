import OuroborosNetwork
import Testing

@Suite("CSRGraph")
struct CSRGraphTests {
    @Test("rows are grouped by source, targets ascending, parallel edges summed in input order")
    func buildsSortedSummedRows() throws {
        let graph = try CSRGraph(
            nodeCount: 4,
            edges: [
                WeightedEdge(2, 0, 1), WeightedEdge(0, 3, 2), WeightedEdge(0, 1, 5),
                WeightedEdge(0, 3, 4), WeightedEdge(2, 2, 7), WeightedEdge(0, 1, 0.5),
            ])
        #expect(graph.nodeCount == 4)
        #expect(graph.edgeCount == 4)
        #expect(graph.rowStart == [0, 2, 2, 4, 4])
        #expect(graph.column == [1, 3, 0, 2])
        #expect(graph.weight == [5.5, 6, 1, 7])
        #expect(graph.weight(from: 0, to: 3) == 6)
        #expect(graph.weight(from: 3, to: 0) == nil)
        #expect(graph.hasSelfLoop(2))
        #expect(!graph.hasSelfLoop(0))
        #expect(graph.outDegree(of: 0) == 2)
        #expect(Array(graph.successors(of: 2)) == [0, 2])
        #expect(graph.totalWeight == 19.5)
        #expect(graph.outStrength() == [11.5, 0, 8, 0])
        #expect(graph.inStrength() == [1, 5.5, 7, 6])
    }

    @Test("self-loops are dropped on request; zero-sum parallel edges are kept")
    func selfLoopsAndZeroSums() throws {
        let edges = [WeightedEdge(0, 0, 3), WeightedEdge(0, 1, 5), WeightedEdge(0, 1, -5)]
        let kept = try CSRGraph(nodeCount: 2, edges: edges)
        #expect(kept.edgeList() == [WeightedEdge(0, 0, 3), WeightedEdge(0, 1, 0)])
        let dropped = try CSRGraph(nodeCount: 2, edges: edges, keepSelfLoops: false)
        #expect(dropped.edgeList() == [WeightedEdge(0, 1, 0)])
    }

    @Test("an empty graph and isolated nodes")
    func emptyGraphs() throws {
        let empty = try CSRGraph(nodeCount: 0, edges: [])
        #expect(empty.rowStart == [0])
        #expect(empty.edgeCount == 0)
        #expect(empty.totalWeight == 0)
        let isolated = try CSRGraph(nodeCount: 3, edges: [])
        #expect(isolated.rowStart == [0, 0, 0, 0])
        #expect(isolated.transposed() == isolated)
    }

    @Test("transpose reverses every edge, keeps weights, and rows stay ascending")
    func transpose() throws {
        let graph = makeGraph(4, [(0, 1, 1), (0, 2, 2), (3, 1, 3), (1, 0, 4), (2, 2, 5), (3, 0, 6)])
        let reverse = graph.transposed()
        #expect(
            reverse.edgeList() == [
                WeightedEdge(0, 1, 4), WeightedEdge(0, 3, 6), WeightedEdge(1, 0, 1),
                WeightedEdge(1, 3, 3), WeightedEdge(2, 0, 2), WeightedEdge(2, 2, 5),
            ])
        #expect(reverse.transposed() == graph)
        // The raw-row initializer accepts what the builder produced.
        let adopted = try CSRGraph(
            nodeCount: reverse.nodeCount, rowStart: reverse.rowStart, column: reverse.column, weight: reverse.weight)
        #expect(adopted == reverse)
    }

    @Test("bulk structure-of-arrays input gives the same graph as an edge list")
    func structureOfArrays() throws {
        let bulk = try CSRGraph(nodeCount: 3, sources: [2, 0, 0], targets: [1, 2, 2], amounts: [1, 2, 3])
        #expect(bulk == makeGraph(3, [(2, 1, 1), (0, 2, 2), (0, 2, 3)]))
    }

    @Test("invalid input is rejected with the edge or position that is wrong")
    func rejectsInvalidInput() {
        #expect(throws: CSRGraphError.nodeOutOfRange(edge: 1, node: 3, nodeCount: 3)) {
            try CSRGraph(nodeCount: 3, edges: [WeightedEdge(0, 1), WeightedEdge(3, 1)])
        }
        #expect(throws: CSRGraphError.nodeOutOfRange(edge: 0, node: -1, nodeCount: 3)) {
            try CSRGraph(nodeCount: 3, edges: [WeightedEdge(0, -1)])
        }
        #expect(throws: CSRGraphError.nonFiniteAmount(edge: 0, amount: .infinity)) {
            try CSRGraph(nodeCount: 2, edges: [WeightedEdge(0, 1, .infinity)])
        }
        #expect(throws: CSRGraphError.nodeCountOutOfRange(-1)) {
            try CSRGraph(nodeCount: -1, edges: [])
        }
        #expect(throws: CSRGraphError.lengthMismatch(sources: 1, targets: 0, amounts: 0)) {
            try CSRGraph(nodeCount: 2, sources: [0], targets: [], amounts: [])
        }
        #expect(throws: CSRGraphError.self) {
            try CSRGraph(nodeCount: 2, rowStart: [0, 2, 2], column: [1, 1], weight: [1, 1])
        }
        #expect(throws: CSRGraphError.self) {
            try CSRGraph(nodeCount: 2, rowStart: [0, 1], column: [1], weight: [1])
        }
        let message = CSRGraphError.nodeOutOfRange(edge: 1, node: 3, nodeCount: 3).description
        #expect(message == "edge 1 names node 3: expected a node id in 0 ..< 3")
    }

    @Test("labelled edges intern labels in order of first appearance")
    func labelledEdges() throws {
        var labels = LabelIndex(["Users"])
        let graph = try CSRGraph(
            labelledEdges: [("Lab", "Cloud", 90), ("Users", "Lab", 100), ("Cloud", "Lab", 60), ("Lab", "Cloud", 10)],
            labels: &labels)
        #expect(labels.labels == ["Users", "Lab", "Cloud"])
        #expect(labels.id(of: "Cloud") == 2)
        #expect(labels.id(of: "Nobody") == nil)
        #expect(labels[1] == "Lab")
        #expect(labels.intern("Lab") == 1)
        #expect(labels.count == 3)
        #expect(graph.weight(from: 1, to: 2) == 100)
        #expect(graph.weight(from: 0, to: 1) == 100)
    }

    @Test("a million-edge cycle builds and transposes")
    func millionEdges() throws {
        let n = 1_000_000
        let sources = (0..<n).map { Int32($0) }
        let targets = (0..<n).map { Int32(($0 + 1) % n) }
        let graph = try CSRGraph(nodeCount: n, sources: sources, targets: targets, amounts: [Double](repeating: 1, count: n))
        #expect(graph.edgeCount == n)
        #expect(graph.successors(of: n - 1).first == 0)
        let reverse = graph.transposed()
        #expect(reverse.successors(of: 0).first == Int32(n - 1))
    }
}
