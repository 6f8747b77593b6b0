/// A directed weighted graph in compressed sparse rows: node `v`'s out-edges are positions `rowStart[v] ..< rowStart[v + 1]` of `column` (targets,
/// strictly ascending, so no parallel edges) and `weight`.
///
/// Node ids are dense, `0 ..< nodeCount`, stored as `Int32` in bulk arrays and passed as `Int` to
/// methods. Build one from an edge list (`init(nodeCount:edges:keepSelfLoops:)`) in O(n + m) with
/// two stable counting sorts; parallel edges are summed in input order and zero-sum edges are kept.
/// Labels live outside the graph: see ``LabelIndex``.
///
/// ```swift
/// let graph = try CSRGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 5), WeightedEdge(1, 2, 3), WeightedEdge(0, 1, 2)])
/// graph.successors(of: 0)      // [1]
/// graph.weight(from: 0, to: 1) // 7.0 (5 + 2, parallel edges summed)
/// ```
public struct CSRGraph: Sendable, Equatable {
    /// Number of nodes `n`; ids are `0 ..< nodeCount`, and `nodeCount < Int32.max`.
    public internal(set) var nodeCount: Int
    /// Row offsets, `n + 1` entries, non-decreasing, `rowStart[0] == 0`, `rowStart[n] == edgeCount`.
    public internal(set) var rowStart: [Int]
    /// Edge targets, grouped by source row; strictly ascending within each row.
    public internal(set) var column: [Int32]
    /// Edge weights, parallel to `column`; always finite.
    public internal(set) var weight: [Double]

    /// Number of (distinct) edges `m`, self-loops included.
    @inlinable public var edgeCount: Int { column.count }

    /// Adopts arrays already known to satisfy every invariant (module-internal builders only).
    init(uncheckedNodeCount nodeCount: Int, rowStart: [Int], column: [Int32], weight: [Double]) {
        self.nodeCount = nodeCount
        self.rowStart = rowStart
        self.column = column
        self.weight = weight
    }

    /// The graph of `edges` on nodes `0 ..< nodeCount`: parallel edges summed in input order, zero sums kept, self-loops kept unless
    /// `keepSelfLoops` is false; throws on an out-of-range node or a non-finite amount.
    public init(
        nodeCount: Int,
        edges: some Sequence<WeightedEdge>,
        keepSelfLoops: Bool = true
    ) throws(CSRGraphError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw .nodeCountOutOfRange(nodeCount) }
        var sources: [Int32] = []
        var targets: [Int32] = []
        var amounts: [Double] = []
        let estimate = edges.underestimatedCount
        sources.reserveCapacity(estimate)
        targets.reserveCapacity(estimate)
        amounts.reserveCapacity(estimate)
        for (index, edge) in edges.enumerated() {
            guard edge.from >= 0, edge.from < nodeCount else {
                throw .nodeOutOfRange(edge: index, node: edge.from, nodeCount: nodeCount)
            }
            guard edge.to >= 0, edge.to < nodeCount else {
                throw .nodeOutOfRange(edge: index, node: edge.to, nodeCount: nodeCount)
            }
            sources.append(Int32(truncatingIfNeeded: edge.from))
            targets.append(Int32(truncatingIfNeeded: edge.to))
            amounts.append(edge.amount)
        }
        try self.init(
            nodeCount: nodeCount, sources: sources, targets: targets, amounts: amounts,
            keepSelfLoops: keepSelfLoops)
    }

    /// The graph of the edges `sources[i] → targets[i]` with `amounts[i]` (structure-of-arrays input for bulk loads): same rules and O(n + m) cost
    /// as the edge-list initializer.
    public init(
        nodeCount: Int,
        sources: [Int32],
        targets: [Int32],
        amounts: [Double],
        keepSelfLoops: Bool = true
    ) throws(CSRGraphError) {
        try Self.validate(nodeCount: nodeCount, sources: sources, targets: targets, amounts: amounts)
        let built = CSRBuilder.build(
            nodeCount: nodeCount, sources: sources, targets: targets, amounts: amounts,
            keepSelfLoops: keepSelfLoops)
        self.init(uncheckedNodeCount: nodeCount, rowStart: built.rowStart, column: built.column, weight: built.weight)
    }

    /// An empty graph on no nodes, to be filled by `rebuild`.
    init() {
        self.init(uncheckedNodeCount: 0, rowStart: [0], column: [], weight: [])
    }

    /// Replaces the graph with the edges `sources[i] → targets[i]` (the rules of the structure-of-arrays
    /// initializer), in its own buffers: rebuilding a graph of similar size allocates nothing.
    mutating func rebuild(
        nodeCount: Int, sources: [Int32], targets: [Int32], amounts: [Double], keepSelfLoops: Bool, scratch: inout CSRBuilder.Scratch
    ) throws(CSRGraphError) {
        try Self.validate(nodeCount: nodeCount, sources: sources, targets: targets, amounts: amounts)
        self.nodeCount = nodeCount
        CSRBuilder.build(
            nodeCount: nodeCount, sources: sources, targets: targets, amounts: amounts, keepSelfLoops: keepSelfLoops,
            rowStart: &rowStart, column: &column, weight: &weight, scratch: &scratch)
    }

    /// Replaces the graph with the reverse of `graph`, in its own buffers (`fill` is scratch).
    mutating func rebuild(transposing graph: CSRGraph, fill: inout [Int]) {
        nodeCount = graph.nodeCount
        CSRBuilder.transpose(graph, rowStart: &rowStart, column: &column, weight: &weight, fill: &fill)
    }

    /// The checks of the structure-of-arrays input: lengths agree, nodes in range, amounts finite.
    private static func validate(nodeCount: Int, sources: [Int32], targets: [Int32], amounts: [Double]) throws(CSRGraphError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw .nodeCountOutOfRange(nodeCount) }
        guard sources.count == targets.count, targets.count == amounts.count else {
            throw .lengthMismatch(sources: sources.count, targets: targets.count, amounts: amounts.count)
        }
        let n = Int32(nodeCount)
        for index in 0..<sources.count {
            let from = sources[index]
            let to = targets[index]
            let amount = amounts[index]
            guard from >= 0, from < n else { throw .nodeOutOfRange(edge: index, node: Int(from), nodeCount: nodeCount) }
            guard to >= 0, to < n else { throw .nodeOutOfRange(edge: index, node: Int(to), nodeCount: nodeCount) }
            guard amount.isFinite else { throw .nonFiniteAmount(edge: index, amount: amount) }
        }
    }

    /// Adopts raw compressed rows after checking every invariant in O(n + m): offsets, targets in range and strictly ascending per row, finite
    /// weights.
    public init(nodeCount: Int, rowStart: [Int], column: [Int32], weight: [Double]) throws(CSRGraphError) {
        guard nodeCount >= 0, nodeCount < Int(Int32.max) else { throw .nodeCountOutOfRange(nodeCount) }
        guard rowStart.count == nodeCount + 1 else {
            throw .invalidRows(reason: "rowStart has \(rowStart.count) entries, expected nodeCount + 1 = \(nodeCount + 1)")
        }
        guard rowStart[0] == 0 else { throw .invalidRows(reason: "rowStart[0] is \(rowStart[0]), expected 0") }
        guard column.count == weight.count else {
            throw .invalidRows(reason: "column has \(column.count) entries but weight has \(weight.count)")
        }
        guard rowStart[nodeCount] == column.count else {
            throw .invalidRows(reason: "rowStart[\(nodeCount)] is \(rowStart[nodeCount]), expected the edge count \(column.count)")
        }
        let n = Int32(nodeCount)
        for v in 0..<nodeCount {
            let begin = rowStart[v]
            let end = rowStart[v + 1]
            guard begin <= end else { throw .invalidRows(reason: "rowStart decreases at node \(v)") }
            var previous: Int32 = -1
            for e in begin..<end {
                let w = column[e]
                guard w >= 0, w < n else { throw .invalidRows(reason: "edge \(e) of node \(v) targets \(w), outside 0 ..< \(nodeCount)") }
                guard w > previous else { throw .invalidRows(reason: "targets of node \(v) are not strictly ascending at edge \(e)") }
                guard weight[e].isFinite else { throw .invalidRows(reason: "edge \(e) has non-finite weight \(weight[e])") }
                previous = w
            }
        }
        self.init(uncheckedNodeCount: nodeCount, rowStart: rowStart, column: column, weight: weight)
    }

    /// Edge positions of `node`'s out-edges, for indexing `column` and `weight`; `node` must be in `0 ..< nodeCount`.
    @inlinable public func edges(from node: Int) -> Range<Int> {
        rowStart[node]..<rowStart[node + 1]
    }

    /// Out-degree of `node` (distinct targets, a self-loop counts once); `node` must be in `0 ..< nodeCount`.
    @inlinable public func outDegree(of node: Int) -> Int {
        rowStart[node + 1] - rowStart[node]
    }

    /// Targets of `node`'s out-edges, strictly ascending; `node` must be in `0 ..< nodeCount`.
    @inlinable public func successors(of node: Int) -> ArraySlice<Int32> {
        column[rowStart[node]..<rowStart[node + 1]]
    }

    /// Position of the edge `from → to` in `column`/`weight`, or nil when absent; O(log outDegree).
    public func edgeIndex(from: Int, to: Int) -> Int? {
        var low = rowStart[from]
        var high = rowStart[from + 1]
        let target = Int32(truncatingIfNeeded: to)
        while low < high {
            let middle = (low + high) / 2
            let value = column[middle]
            if value == target { return middle }
            if value < target { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Weight of the edge `from → to` (parallel input edges already summed), or nil when absent; O(log outDegree).
    public func weight(from: Int, to: Int) -> Double? {
        edgeIndex(from: from, to: to).map { weight[$0] }
    }

    /// True when `node → node` is an edge; O(log outDegree).
    public func hasSelfLoop(_ node: Int) -> Bool {
        edgeIndex(from: node, to: node) != nil
    }

    /// Sum of all edge weights, self-loops included, summed in edge order; O(m), 0 for an empty graph.
    public var totalWeight: Double {
        weight.reduce(0, +)
    }

    /// Per node, the sum of its out-edge weights (out-strength); O(n + m).
    public func outStrength() -> [Double] {
        var result: [Double] = []
        outStrength(into: &result)
        return result
    }

    /// `outStrength()` written into `result` (its buffer reused).
    func outStrength(into result: inout [Double]) {
        CSRBuilder.reset(&result, count: nodeCount, to: 0)
        for v in 0..<nodeCount {
            var sum = 0.0
            for e in rowStart[v]..<rowStart[v + 1] { sum += weight[e] }
            result[v] = sum
        }
    }

    /// Per node, the sum of its in-edge weights (in-strength); O(n + m).
    public func inStrength() -> [Double] {
        var result: [Double] = []
        inStrength(into: &result)
        return result
    }

    /// `inStrength()` written into `result` (its buffer reused).
    func inStrength(into result: inout [Double]) {
        CSRBuilder.reset(&result, count: nodeCount, to: 0)
        for e in 0..<column.count { result[Int(column[e])] += weight[e] }
    }

    /// All edges in row order (by source, then ascending target), parallel edges already summed; O(m).
    public func edgeList() -> [WeightedEdge] {
        var result: [WeightedEdge] = []
        result.reserveCapacity(column.count)
        for v in 0..<nodeCount {
            for e in rowStart[v]..<rowStart[v + 1] {
                result.append(WeightedEdge(v, Int(column[e]), weight[e]))
            }
        }
        return result
    }

    /// The reverse graph (every edge `u → v` becomes `v → u` with the same weight), rows again strictly ascending; O(n + m).
    public func transposed() -> CSRGraph {
        let built = CSRBuilder.transpose(self)
        return CSRGraph(uncheckedNodeCount: nodeCount, rowStart: built.rowStart, column: built.column, weight: built.weight)
    }

    /// Calls `body` with unchecked views of the three arrays, for kernels that index them in hot loops.
    func withUnsafeRows<Result>(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        try rowStart.withUnsafeBufferPointer { rows in
            try column.withUnsafeBufferPointer { columns in
                try weight.withUnsafeBufferPointer { weights in
                    try body(rows, columns, weights)
                }
            }
        }
    }
}
