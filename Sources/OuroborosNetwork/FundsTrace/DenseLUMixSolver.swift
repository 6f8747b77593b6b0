/// The exact solver of ``FundsTrace``: the whole system `(I − W) x = r` over all k mixing nodes, factored once by dense Gaussian elimination with
/// partial pivoting (O(k³)), then solved for each block of label columns (O(k²) per column).
///
/// Row j (mixing node v, pool P_v): `x_v − Σ_{mixing u → v} (a_uv / P_v) x_u = (balance_v e(self_v) + Σ_{other u → v} a_uv e(column_u)) / P_v`.
/// Deliberately independent of the SCC ordering the iterative solver uses, so the two check each other.
struct DenseLUMixSolver: Sendable {
    /// L (unit, below the diagonal) and U (on and above) of the row-permuted matrix, row-major k × k.
    private var factors: [Double] = []
    /// Row swapped with row j at elimination step j.
    private var swaps: [Int] = []

    /// A solver with nothing factored yet.
    init() {}

    /// Builds and factors the matrix of `problem`; throws `.singularSystem` on a zero pivot.
    init(problem: FundsTraceProblem) throws(FundsTraceError) {
        try factor(problem)
    }

    /// Builds and factors the matrix of `problem` in the solver's own buffers; throws `.singularSystem` on a zero pivot.
    mutating func factor(_ problem: FundsTraceProblem) throws(FundsTraceError) {
        let k = problem.mixingCount
        CSRBuilder.reset(&factors, count: k * k, to: 0)
        var a = factors
        factors = []
        defer { factors = a }
        let inEdges = problem.inEdges
        for j in 0..<k {
            let v = Int(problem.mixingNodes[j])
            a[j * k + j] += 1
            let scale = 1 / problem.pool[v]
            for e in inEdges.edges(from: v) {
                let i = Int(problem.mixingIndex[Int(inEdges.column[e])])
                if i >= 0 { a[j * k + i] -= inEdges.weight[e] * scale }
            }
        }
        CSRBuilder.reset(&swaps, count: k, to: 0)
        var singularAt: Int?
        a.withUnsafeMutableBufferPointer { m in
            for step in 0..<k {
                var pivotRow = step
                var pivotSize = abs(m[step * k + step])
                for r in step + 1..<k where abs(m[r * k + step]) > pivotSize {
                    pivotRow = r
                    pivotSize = abs(m[r * k + step])
                }
                guard pivotSize > 0, pivotSize.isFinite else {
                    singularAt = step
                    return
                }
                swaps[step] = pivotRow
                if pivotRow != step {
                    for c in 0..<k { m.swapAt(step * k + c, pivotRow * k + c) }
                }
                let pivot = m[step * k + step]
                for r in step + 1..<k {
                    let factor = m[r * k + step] / pivot
                    m[r * k + step] = factor
                    if factor == 0 { continue }
                    for c in step + 1..<k { m[r * k + c] -= factor * m[step * k + c] }
                }
            }
        }
        if let singularAt { throw .singularSystem(node: Int(problem.mixingNodes[singularAt])) }
    }

    /// Pool mixes of every mixing node of `problem` (the one factored) for columns `first ..< first + width` (row-major, `width` per node).
    func solve(_ problem: FundsTraceProblem, first: Int, width: Int) -> [Double] {
        var x: [Double] = []
        solve(problem, first: first, width: width, into: &x)
        return x
    }

    /// `solve` written into `x` (its buffer reused), node j's row at `j * stride` (`stride ≥ width`;
    /// the lanes past `width` stay zero, so a row can be read as one SIMD vector of `stride` lanes).
    func solve(_ problem: FundsTraceProblem, first: Int, width: Int, stride rowStride: Int? = nil, into x: inout [Double]) {
        let k = problem.mixingCount
        let w = rowStride ?? width
        CSRBuilder.reset(&x, count: k * w, to: 0)
        let inEdges = problem.inEdges
        // Right-hand side.
        for j in 0..<k {
            let v = Int(problem.mixingNodes[j])
            let scale = 1 / problem.pool[v]
            let own = Int(problem.balanceColumn[v]) - first
            if own >= 0, own < width { x[j * w + own] += problem.balance[v] * scale }
            for e in inEdges.edges(from: v) {
                let u = Int(inEdges.column[e])
                guard problem.mixingIndex[u] < 0 else { continue }
                let column = Int(problem.emitColumn[u]) - first
                if column >= 0, column < width { x[j * w + column] += inEdges.weight[e] * scale }
            }
        }
        factors.withUnsafeBufferPointer { m in
            x.withUnsafeMutableBufferPointer { b in
                for step in 0..<k where swaps[step] != step {
                    for c in 0..<width { b.swapAt(step * w + c, swaps[step] * w + c) }
                }
                // Forward substitution with the unit lower factor.
                for r in 0..<k {
                    for i in 0..<r {
                        let factor = m[r * k + i]
                        if factor == 0 { continue }
                        for c in 0..<width { b[r * w + c] -= factor * b[i * w + c] }
                    }
                }
                // Back substitution with the upper factor.
                for r in stride(from: k - 1, through: 0, by: -1) {
                    for i in r + 1..<k {
                        let factor = m[r * k + i]
                        if factor == 0 { continue }
                        for c in 0..<width { b[r * w + c] -= factor * b[i * w + c] }
                    }
                    let pivot = m[r * k + r]
                    for c in 0..<width { b[r * w + c] /= pivot }
                }
            }
        }
    }
}
