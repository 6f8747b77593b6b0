import OuroborosNetwork
import PropertyBased
import Testing

@Suite("ElementaryCycles")
struct ElementaryCyclesTests {
    /// The complete directed graph on `n` nodes, no self-loops.
    static func complete(_ n: Int) -> CSRGraph {
        makeGraph(n, arcs: (0..<n).flatMap { u in (0..<n).filter { $0 != u }.map { (u, $0) } })
    }

    @Test("K4 has 20 elementary cycles, listed by start node then lexicographically")
    func completeGraphK4() {
        let cycles = ElementaryCycles(Self.complete(4))
        #expect(cycles.count == 20)
        #expect(cycles.isComplete)
        #expect(
            cycles.map { $0.nodes.map(Int.init) } == [
                [0, 1], [0, 1, 2], [0, 1, 2, 3], [0, 1, 3], [0, 1, 3, 2],
                [0, 2], [0, 2, 1], [0, 2, 1, 3], [0, 2, 3], [0, 2, 3, 1],
                [0, 3], [0, 3, 1], [0, 3, 1, 2], [0, 3, 2], [0, 3, 2, 1],
                [1, 2], [1, 2, 3], [1, 3], [1, 3, 2],
                [2, 3],
            ])
        let lengths = Dictionary(grouping: cycles, by: \.length).mapValues(\.count)
        #expect(lengths == [2: 6, 3: 8, 4: 6])
    }

    @Test("maxLength and limit are honoured on K4")
    func boundsOnK4() {
        let k4 = Self.complete(4)
        #expect(ElementaryCycles(k4, maxLength: 3).count == 14)
        #expect(ElementaryCycles(k4, maxLength: 2).count == 6)
        #expect(ElementaryCycles(k4, maxLength: 1).isEmpty)
        let firstFive = ElementaryCycles(k4, limit: 5)
        #expect(firstFive.map { $0.nodes.map(Int.init) } == [[0, 1], [0, 1, 2], [0, 1, 2, 3], [0, 1, 3], [0, 1, 3, 2]])
        #expect(!firstFive.isComplete)
        #expect(ElementaryCycles(k4, limit: 20).isComplete)
        #expect(ElementaryCycles(k4, limit: 0).isEmpty)
        #expect(!ElementaryCycles(k4, limit: 0).isComplete)
        let boundedAndLimited = ElementaryCycles(k4, maxLength: 2, limit: 4)
        #expect(boundedAndLimited.map { $0.nodes.map(Int.init) } == [[0, 1], [0, 2], [0, 3], [1, 2]])
        #expect(ElementaryCycles(Self.complete(5)).count == 84)
        // Bounded pieces inside one big component: C(n,2)·1! + C(n,3)·2! (+ C(n,4)·3!).
        #expect(ElementaryCycles(Self.complete(8), maxLength: 3).count == 28 + 112)
        #expect(ElementaryCycles(Self.complete(6), maxLength: 4).count == 15 + 40 + 90)
        #expect(ElementaryCycles(Self.complete(6), maxLength: 4, limit: 100).count == 100)
    }

    @Test("cycles of length 2, 3 and 4 with bottlenecks and shares")
    func mixedLengths() {
        // 0↔1 (2-cycle), 1→2→3→1 (3-cycle), 3→4→5→6→3 (4-cycle); total weight 100.
        let graph = makeGraph(
            7,
            [
                (0, 1, 10), (1, 0, 4),
                (1, 2, 8), (2, 3, 6), (3, 1, 12),
                (3, 4, 20), (4, 5, 15), (5, 6, 5), (6, 3, 20),
            ])
        let cycles = ElementaryCycles(graph)
        #expect(cycles.totalWeight == 100)
        #expect(cycles.map { $0.nodes.map(Int.init) } == [[0, 1], [1, 2, 3], [3, 4, 5, 6]])
        #expect(cycles.map(\.bottleneck) == [4, 6, 5])
        #expect(cycles.map(\.flow) == [8, 18, 20])
        #expect(cycles.map(\.share) == [0.08, 0.18, 0.2])
        #expect(ElementaryCycles(graph, maxLength: 3).map(\.length) == [2, 3])
        #expect(ElementaryCycles(graph, maxLength: 2).map(\.length) == [2])
    }

    @Test("a length bound does not lose a cycle whose short route was blocked by an earlier path")
    func boundedSearchRegression() {
        // With exact distances in the lock rule, node 5 is locked after the search through 6 finds
        // 5 → 4 → 1 → 3 → 0 (distance 4), and [0, 7, 3, 5, 4, 6] (via 5 → 4 → 6 → 0) is then missed.
        let graph = makeGraph(
            8,
            arcs: [
                (3, 0), (6, 5), (3, 5), (7, 3), (4, 1), (6, 0), (0, 7), (0, 6), (4, 6), (5, 4), (1, 3),
            ])
        let expected = [[0, 6], [0, 6, 5, 4, 1, 3], [0, 7, 3], [0, 7, 3, 5, 4, 6], [1, 3, 5, 4], [4, 6, 5]]
        #expect(ElementaryCycles(graph, maxLength: 6).map { $0.nodes.map(Int.init) } == expected)
        #expect(bruteForceCycles(graph, maxLength: 6) == expected)
    }

    @Test("self-loops are cycles of length 1; acyclic graphs have none")
    func selfLoopsAndAcyclic() {
        let loops = ElementaryCycles(makeGraph(3, [(0, 0, 2), (0, 1, 1), (1, 0, 3), (2, 2, 5)]))
        #expect(loops.map { $0.nodes.map(Int.init) } == [[0], [0, 1], [2]])
        #expect(loops.map(\.bottleneck) == [2, 1, 5])
        #expect(ElementaryCycles(makeGraph(3, [(0, 0, 2), (0, 1, 1), (1, 0, 3), (2, 2, 5)]), maxLength: 1).count == 2)
        #expect(ElementaryCycles(makeGraph(4, arcs: [(0, 1), (1, 2), (0, 2), (2, 3)])).isEmpty)
        #expect(ElementaryCycles(makeGraph(0, arcs: [])).isEmpty)
        #expect(ElementaryCycles(makeGraph(2, [(0, 1, 0), (1, 0, 0)]))[0].share == 0)
    }

    @Test("a long cycle is found without recursion; its remainder is acyclic")
    func longCycle() throws {
        let n = 200_000
        let graph = try CSRGraph(
            nodeCount: n, sources: (0..<n).map { Int32($0) }, targets: (0..<n).map { Int32(($0 + 1) % n) },
            amounts: (0..<n).map { Double($0 + 1) })
        let cycles = ElementaryCycles(graph)
        #expect(cycles.count == 1)
        #expect(cycles[0].length == n)
        #expect(cycles[0].bottleneck == 1)
        #expect(ElementaryCycles(graph, maxLength: n - 1).isEmpty)
    }

    @Test("agrees with brute-force enumeration (cycles and order) on random small graphs")
    func agreesWithBruteForce() async {
        let arcs = zip(Gen.int(in: 0...6), Gen.int(in: 0...6)).array(of: 0...22)
        await propertyCheck(count: 300, input: Gen.int(in: 1...7), arcs, Gen.int(in: 1...8)) { n, arcs, bound in
            let graph = makeGraph(n, arcs: arcs.map { ($0.0 % n, $0.1 % n) })
            let expected = bruteForceCycles(graph)
            let found = ElementaryCycles(graph)
            #expect(found.map { $0.nodes.map(Int.init) } == expected)
            #expect(found.isComplete)

            let bounded = ElementaryCycles(graph, maxLength: bound)
            #expect(bounded.map { $0.nodes.map(Int.init) } == bruteForceCycles(graph, maxLength: bound))

            let limited = ElementaryCycles(graph, maxLength: bound, limit: bound)
            let expectedBounded = bruteForceCycles(graph, maxLength: bound)
            #expect(limited.map { $0.nodes.map(Int.init) } == Array(expectedBounded.prefix(bound)))
            #expect(limited.isComplete == (expectedBounded.count <= bound))
        }
    }

    /// Bounds up to 5 take the distance-pruned short search, longer ones Gupta–Suzumura: both must list
    /// exactly the brute-force cycles, in order, with the right bottlenecks, on graphs with many of them.
    @Test("short and long bounds agree with brute force on denser random graphs", arguments: [11, 12, 13])
    func boundsAgreeOnDenserGraphs(seed: Int) {
        var rng = RiskTestRandom(state: UInt64(seed))
        let n = 40
        var edges: [(Int, Int, Double)] = []
        for _ in 0..<190 { edges.append((rng.int(n), rng.int(n), Double(1 + rng.int(100)))) }
        let graph = makeGraph(n, edges)
        let weight = Dictionary(graph.edgeList().map { ("\($0.from)>\($0.to)", $0.amount) }, uniquingKeysWith: { a, _ in a })
        for bound in 1...7 {
            let expected = bruteForceCycles(graph, maxLength: bound)
            let found = ElementaryCycles(graph, maxLength: bound)
            #expect(found.map { $0.nodes.map(Int.init) } == expected, "bound \(bound)")
            for cycle in found {
                let nodes = cycle.nodes.map(Int.init)
                let smallest = zip(nodes, nodes.dropFirst() + [nodes[0]]).map { weight["\($0)>\($1)"]! }.min()!
                #expect(cycle.bottleneck == smallest)
            }
            let limited = ElementaryCycles(graph, maxLength: bound, limit: 25)
            #expect(limited.map { $0.nodes.map(Int.init) } == Array(expected.prefix(25)))
            #expect(limited.isComplete == (expected.count <= 25))
        }
    }

    @Test("bottlenecks are the smallest weight on each cycle, closing edge included")
    func bottlenecksOnRandomGraphs() async {
        let edges = zip(Gen.int(in: 0...5), Gen.int(in: 0...5), Gen.int(in: 1...50)).array(of: 0...16)
        await propertyCheck(count: 200, input: edges) { edges in
            let graph = makeGraph(6, edges.map { ($0.0, $0.1, Double($0.2)) })
            let total = graph.totalWeight
            for cycle in ElementaryCycles(graph) {
                let nodes = cycle.nodes.map(Int.init)
                let weights = nodes.indices.map { graph.weight(from: nodes[$0], to: nodes[($0 + 1) % nodes.count])! }
                #expect(cycle.bottleneck == weights.min())
                #expect(close(cycle.share, cycle.bottleneck * Double(nodes.count) / total))
            }
        }
    }
}
