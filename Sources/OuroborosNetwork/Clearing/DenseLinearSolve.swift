/// Gaussian elimination with partial pivoting on a dense row-major k × k system, for the defaulters' block of a clearing round.
enum DenseLinearSolve {
    /// The solution of `matrix · x = rhs` (matrix row-major, k × k), or nil when a pivot is below `1e-13` × the largest entry (singular or
    /// near-singular).
    static func solve(matrix: [Double], rhs: [Double], size k: Int) -> [Double]? {
        var a = matrix
        var b = rhs
        var scale = 0.0
        for value in a { scale = max(scale, abs(value)) }
        guard scale > 0 else { return k == 0 ? [] : nil }
        let threshold = 1e-13 * scale
        for col in 0..<k {
            var pivotRow = col
            var best = abs(a[col * k + col])
            for r in (col + 1)..<max(col + 1, k) where abs(a[r * k + col]) > best {
                best = abs(a[r * k + col])
                pivotRow = r
            }
            guard best > threshold else { return nil }
            if pivotRow != col {
                for c in 0..<k { a.swapAt(col * k + c, pivotRow * k + c) }
                b.swapAt(col, pivotRow)
            }
            let pivot = a[col * k + col]
            for r in (col + 1)..<max(col + 1, k) {
                let factor = a[r * k + col] / pivot
                if factor == 0 { continue }
                a[r * k + col] = 0
                for c in (col + 1)..<k { a[r * k + c] -= factor * a[col * k + c] }
                b[r] -= factor * b[col]
            }
        }
        var x = [Double](repeating: 0, count: k)
        for r in stride(from: k - 1, through: 0, by: -1) {
            var sum = b[r]
            for c in (r + 1)..<k { sum -= a[r * k + c] * x[c] }
            x[r] = sum / a[r * k + r]
        }
        return x
    }
}
