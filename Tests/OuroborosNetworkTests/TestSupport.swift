import OuroborosNetwork

/// A graph from `(from, to, amount)` triples; traps on invalid input (tests build valid graphs).
func makeGraph(_ nodeCount: Int, _ edges: [(Int, Int, Double)], keepSelfLoops: Bool = true) -> CSRGraph {
    do {
        return try CSRGraph(
            nodeCount: nodeCount, edges: edges.map { WeightedEdge($0.0, $0.1, $0.2) }, keepSelfLoops: keepSelfLoops)
    } catch {
        fatalError("test graph is invalid: \(error)")
    }
}

/// An unweighted graph (every amount 1) from `(from, to)` pairs.
func makeGraph(_ nodeCount: Int, arcs: [(Int, Int)]) -> CSRGraph {
    makeGraph(nodeCount, arcs.map { ($0.0, $0.1, 1.0) })
}

/// Reflexive-transitive reachability by Floyd–Warshall: `reach[u][v]` when a path u ⇝ v exists (slow reference).
func reachability(_ graph: CSRGraph) -> [[Bool]] {
    let n = graph.nodeCount
    var reach = [[Bool]](repeating: [Bool](repeating: false, count: n), count: n)
    for u in 0..<n {
        reach[u][u] = true
        for w in graph.successors(of: u) { reach[u][Int(w)] = true }
    }
    for k in 0..<n {
        for i in 0..<n where reach[i][k] {
            for j in 0..<n where reach[k][j] { reach[i][j] = true }
        }
    }
    return reach
}

/// Every elementary cycle by plain DFS over simple paths (slow reference): each starts at its
/// smallest node, listed by start node then lexicographically, optionally of at most `maxLength` edges.
func bruteForceCycles(_ graph: CSRGraph, maxLength: Int? = nil) -> [[Int]] {
    var cycles: [[Int]] = []
    var path: [Int] = []
    var onPath = [Bool](repeating: false, count: graph.nodeCount)
    func extend(_ start: Int) {
        let v = path[path.count - 1]
        for target in graph.successors(of: v) {
            let w = Int(target)
            if w == start {
                if maxLength.map({ path.count <= $0 }) ?? true { cycles.append(path) }
            } else if w > start, !onPath[w], maxLength.map({ path.count < $0 }) ?? true {
                path.append(w)
                onPath[w] = true
                extend(start)
                onPath[w] = false
                path.removeLast()
            }
        }
    }
    for start in 0..<graph.nodeCount {
        path = [start]
        onPath[start] = true
        extend(start)
        onPath[start] = false
    }
    return cycles
}

/// True when `a` and `b` differ by at most `tolerance`.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance
}

/// The revenue mix of `node` as a dictionary label → share.
func mixDictionary(_ trace: FundsTrace, _ node: Int) -> [Int: Double] {
    Dictionary(uniqueKeysWithValues: trace.revenueMix(of: node).map { ($0.label, $0.share) })
}

/// A SplitMix64 generator for reproducible random networks (clearing, DebtRank, fire sales, funds trace).
struct RiskTestRandom {
    var state: UInt64
    /// The next raw 64-bit value.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in `0 ..< n`.
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
