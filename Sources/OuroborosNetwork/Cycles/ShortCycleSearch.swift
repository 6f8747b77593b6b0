/// Cycles of at most `bound` edges for a short bound (≤ ``ShortCycleSearch/longestBound``): a depth-limited
/// search pruned by exact distances back to the start, in the order ``ElementaryCycles`` documents.
///
/// The graph is first cut down to the edges inside a strongly connected component (no cycle uses any
/// other), kept forward (with weights) and backward (columns only), rows ascending. Then, for every start
/// s ascending, a backward breadth-first search labels the component's nodes above s with their distance
/// to s, up to `max(1, bound − 2)` edges, and a forward DFS from s enters w as the path's (d + 1)-th node
/// only when w > s, w is not on the path and w lies within `bound − d` edges of s (any node may be
/// second: that needs distance ≤ bound − 1, one more than the labels). A path of `bound − 1` nodes is
/// closed by looking up the edge back to s instead of being extended. Targets are taken in ascending
/// order and s is the smallest node of any cycle it starts, so the edge back to s comes first in a row
/// and cycles come out lexicographically, each before its extensions.
///
/// Cost: the labelled neighbourhood and the paths entered; a path is entered only when a route back to
/// s of the right length exists, so most paths close (a dead end needs every short route back to cross
/// the path). There is no per-node bookkeeping beyond the labels, so on large sparse graphs it is several
/// times faster than Gupta–Suzumura's locks; its worst case grows with Δ^(bound − 1), which is why
/// ``CycleSearch`` uses it for short bounds only.
final class ShortCycleSearch {
    /// The longest bound this search takes.
    static let longestBound = 5

    private let n: Int
    private let bound: Int
    private let limit: Int?
    private let labelDepth: Int
    // Edges inside a component: forward rows with weights, backward rows (predecessors).
    private let forwardStart: [Int]
    private let forwardColumn: [Int32]
    private let forwardWeight: [Double]
    private let backwardStart: [Int]
    private let backwardColumn: [Int32]

    /// Cycles found so far: node lists concatenated, offsets, bottlenecks.
    private(set) var nodeStart: [Int] = [0]
    private(set) var nodeList: [Int32] = []
    private(set) var bottlenecks: [Double] = []
    /// False once the search stopped at `limit` with at least one more cycle left.
    private(set) var isComplete = true

    /// A search of `graph` for cycles of at most `maxLength` (1 ... `longestBound`) edges, at most `limit` of them.
    init(_ graph: CSRGraph, maxLength: Int, limit: Int?) {
        precondition(maxLength >= 1 && maxLength <= Self.longestBound)
        let n = graph.nodeCount
        self.n = n
        bound = maxLength
        self.limit = limit
        labelDepth = max(1, maxLength - 2)
        let component = StronglyConnectedComponents(graph).componentOf
        // Forward rows restricted to edges inside a component (self-loops included), order kept.
        var forwardStart = [Int](repeating: 0, count: n + 1)
        var forwardColumn: [Int32] = []
        var forwardWeight: [Double] = []
        var backwardStart = [Int](repeating: 0, count: n + 1)
        graph.withUnsafeRows { rows, columns, weights in
            var kept = 0
            for u in 0..<n {
                for e in rows[u]..<rows[u + 1] where component[Int(columns[e])] == component[u] { kept += 1 }
            }
            forwardColumn.reserveCapacity(kept)
            forwardWeight.reserveCapacity(kept)
            for u in 0..<n {
                for e in rows[u]..<rows[u + 1] {
                    let v = Int(columns[e])
                    guard component[v] == component[u] else { continue }
                    forwardColumn.append(columns[e])
                    forwardWeight.append(weights[e])
                    backwardStart[v + 1] += 1
                }
                forwardStart[u + 1] = forwardColumn.count
            }
        }
        // Backward rows by one counting sort, sources ascending within each row.
        for v in 0..<n { backwardStart[v + 1] += backwardStart[v] }
        var fill = backwardStart
        var backwardColumn = [Int32](repeating: 0, count: forwardColumn.count)
        for u in 0..<n {
            for e in forwardStart[u]..<forwardStart[u + 1] {
                let v = Int(forwardColumn[e])
                backwardColumn[fill[v]] = Int32(truncatingIfNeeded: u)
                fill[v] += 1
            }
        }
        self.forwardStart = forwardStart
        self.forwardColumn = forwardColumn
        self.forwardWeight = forwardWeight
        self.backwardStart = backwardStart
        self.backwardColumn = backwardColumn
    }

    /// Enumerates the cycles, start nodes ascending.
    func run() {
        // Per-node label (distance to the current start) valid where `labelOwner` is the start + 1.
        var labelOwner = [Int32](repeating: 0, count: n)
        var label = [Int8](repeating: 0, count: n)
        var onPath = [Bool](repeating: false, count: n)
        var frontier = [Int32](repeating: 0, count: n)
        var path = [Int32](repeating: 0, count: bound + 1)
        var cursor = [Int](repeating: 0, count: bound + 1)
        var minimum = [Double](repeating: 0, count: bound + 1)
        let (bound, labelDepth) = (self.bound, self.labelDepth)
        forwardStart.withUnsafeBufferPointer { rows in
            forwardColumn.withUnsafeBufferPointer { columns in
                forwardWeight.withUnsafeBufferPointer { weights in
                    backwardStart.withUnsafeBufferPointer { backRows in
                        backwardColumn.withUnsafeBufferPointer { backColumns in
                            labelOwner.withUnsafeMutableBufferPointer { owner in
                                label.withUnsafeMutableBufferPointer { distance in
                                    onPath.withUnsafeMutableBufferPointer { onPath in
                                        frontier.withUnsafeMutableBufferPointer { frontier in
                                            path.withUnsafeMutableBufferPointer { path in
                                                cursor.withUnsafeMutableBufferPointer { cursor in
                                                    minimum.withUnsafeMutableBufferPointer { minimum in
                                                        for s in 0..<n where rows[s] < rows[s + 1] {
                                                            let stamp = Int32(truncatingIfNeeded: s + 1)
                                                            // Backward breadth-first labels of the nodes above s, up to `labelDepth` edges away.
                                                            var head = 0
                                                            var tail = 0
                                                            frontier[tail] = Int32(truncatingIfNeeded: s)
                                                            tail += 1
                                                            for level in 1...labelDepth {
                                                                let end = tail
                                                                while head < end {
                                                                    let x = Int(frontier[head])
                                                                    head += 1
                                                                    for e in backRows[x]..<backRows[x + 1] {
                                                                        let y = Int(backColumns[e])
                                                                        guard y > s, owner[y] != stamp else { continue }
                                                                        owner[y] = stamp
                                                                        distance[y] = Int8(truncatingIfNeeded: level)
                                                                        frontier[tail] = Int32(truncatingIfNeeded: y)
                                                                        tail += 1
                                                                    }
                                                                }
                                                            }
                                                            // Depth-limited search; `depth` nodes on the path.
                                                            path[0] = Int32(truncatingIfNeeded: s)
                                                            cursor[0] = rows[s]
                                                            minimum[0] = .infinity
                                                            onPath[s] = true
                                                            var depth = 1
                                                            while depth > 0 {
                                                                let top = depth - 1
                                                                let v = Int(path[top])
                                                                var e = cursor[top]
                                                                let end = rows[v + 1]
                                                                var entered = false
                                                                while e < end {
                                                                    let w = Int(columns[e])
                                                                    let weight = weights[e]
                                                                    e += 1
                                                                    if w <= s {
                                                                        if w == s, !emit(path, depth, min(minimum[top], weight)) { return }
                                                                        continue
                                                                    }
                                                                    let remaining = bound - depth  // edges left after this one is taken
                                                                    guard remaining >= 1, !onPath[w] else { continue }
                                                                    let away = owner[w] == stamp ? Int(distance[w]) : labelDepth + 1
                                                                    guard away <= remaining else { continue }
                                                                    if remaining == 1 {
                                                                        // w would fill the path: close it through the edge w → s (it exists: w is
                                                                        // labelled 1).
                                                                        path[depth] = Int32(truncatingIfNeeded: w)
                                                                        let closing = weights[edgeIndex(rows, columns, from: w, to: s)]
                                                                        if !emit(path, depth + 1, min(minimum[top], weight, closing)) { return }
                                                                        continue
                                                                    }
                                                                    cursor[top] = e
                                                                    path[depth] = Int32(truncatingIfNeeded: w)
                                                                    cursor[depth] = rows[w]
                                                                    minimum[depth] = min(minimum[top], weight)
                                                                    onPath[w] = true
                                                                    depth += 1
                                                                    entered = true
                                                                    break
                                                                }
                                                                if !entered {
                                                                    onPath[v] = false
                                                                    depth -= 1
                                                                }
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Position of the edge `from → to` in the ascending row of `from` (known to exist).
    @inline(__always)
    private func edgeIndex(
        _ rows: UnsafeBufferPointer<Int>, _ columns: UnsafeBufferPointer<Int32>, from: Int, to: Int
    ) -> Int {
        var low = rows[from]
        var high = rows[from + 1]
        let target = Int32(truncatingIfNeeded: to)
        while low < high {
            let middle = (low + high) >> 1
            if columns[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Records the cycle `path[0 ..< count]`; false (and `isComplete = false`) when the limit is already reached.
    @inline(__always)
    private func emit(_ path: UnsafeMutableBufferPointer<Int32>, _ count: Int, _ bottleneck: Double) -> Bool {
        if let limit, bottlenecks.count >= limit {
            isComplete = false
            return false
        }
        nodeList.append(contentsOf: UnsafeBufferPointer(rebasing: path[0..<count]))
        nodeStart.append(nodeList.count)
        bottlenecks.append(bottleneck)
        return true
    }
}
