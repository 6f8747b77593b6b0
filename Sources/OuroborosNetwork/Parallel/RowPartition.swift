import Dispatch

/// Contiguous row ranges of a CSR graph with about the same number of edges each, run on both cores when
/// the work is large enough to pay for the threads.
///
/// Each part is a fixed range of rows, so a kernel that writes only its own rows and sums each row in edge
/// order gives bit-identical results whatever the number of parts; per-part results (a largest step, a
/// count) are combined in part order by the caller.
struct RowPartition {
    /// Row boundaries: part `k` is `bounds[k] ..< bounds[k + 1]`.
    let bounds: [Int]

    /// Parts used for large graphs (the machines this runs on have at least two cores; more parts than
    /// cores only adds scheduling).
    static let parallelParts = 2
    /// Below this many edges a sweep takes well under a millisecond and one thread is faster.
    static let parallelEdgeThreshold = 200_000

    /// Parts for kernels whose parts share nothing but per-part scalars (a largest step, a first error): many
    /// more than cores, so `concurrentPerform` hands them out one at a time and a core taken by another process
    /// holds up a pass by one small part instead of half of it.
    static let balancedParts = 16

    /// `balancedParts` ranges for large graphs, one for small ones.
    static func balanced(rowStart: UnsafeBufferPointer<Int>) -> RowPartition {
        let edges = rowStart[rowStart.count - 1]
        return RowPartition(rowStart: rowStart, parts: edges >= parallelEdgeThreshold ? balancedParts : 1)
    }

    /// Splits rows `0 ..< rowStart.count − 1` into `parts` ranges (one when the graph is small) of about
    /// equal edge plus row counts.
    init(rowStart: UnsafeBufferPointer<Int>, parts: Int? = nil) {
        let n = rowStart.count - 1
        let m = rowStart[n]
        let count = max(1, min(parts ?? (m >= Self.parallelEdgeThreshold ? Self.parallelParts : 1), max(1, n)))
        var bounds = [0]
        var row = 0
        for k in 1..<count {
            // First row whose prefix work (edges + rows) reaches k/count of the total.
            let target = (m + n) * k / count
            while row < n, rowStart[row] + row < target { row += 1 }
            bounds.append(row)
        }
        bounds.append(n)
        self.bounds = bounds
    }

    /// Number of parts.
    var count: Int { bounds.count - 1 }

    /// Runs `body(part, rows)` for every part, concurrently when there are several, and returns when all are done.
    ///
    /// Contract (not checked by the compiler, hence the unchecked box): `body` writes only state owned by its
    /// part (its rows' entries, its slot of a per-part array) and reads nothing another part writes.
    func forEachPart(_ body: (Int, Range<Int>) -> Void) {
        if count == 1 {
            body(0, bounds[0]..<bounds[1])
            return
        }
        withoutActuallyEscaping(body) { body in
            let task = PartTask(bounds: bounds, body: body)
            DispatchQueue.concurrentPerform(iterations: count) { part in task.run(part) }
        }
    }
}

/// One part's work, shareable across the threads of `concurrentPerform` under ``RowPartition/forEach(_:)``'s contract.
private struct PartTask: @unchecked Sendable {
    let bounds: [Int]
    let body: (Int, Range<Int>) -> Void

    func run(_ part: Int) { body(part, bounds[part]..<bounds[part + 1]) }
}
