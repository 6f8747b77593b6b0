/// Solves the small dense systems of Newton's method in place, allocating nothing.
enum LinearSystem {
    /// Solves `a · x = b` by Gaussian elimination with partial pivoting.
    ///
    /// `a` is row-major `n × n` and is overwritten by its elimination; `b` becomes `x`.
    /// Returns false when `a` is singular or the solution is not finite.
    static func solve(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, count n: Int) -> Bool {
        for k in 0..<n {
            var pivotRow = k
            var pivotSize = abs(a[k * n + k])
            for i in (k + 1)..<n where abs(a[i * n + k]) > pivotSize {
                pivotRow = i
                pivotSize = abs(a[i * n + k])
            }
            guard pivotSize > 0, pivotSize.isFinite else { return false }
            if pivotRow != k {
                for j in 0..<n { swap(&a[k * n + j], &a[pivotRow * n + j]) }
                swap(&b[k], &b[pivotRow])
            }
            let pivot = a[k * n + k]
            for i in (k + 1)..<n {
                let factor = a[i * n + k] / pivot
                if factor == 0 { continue }
                for j in (k + 1)..<n { a[i * n + j] -= factor * a[k * n + j] }
                b[i] -= factor * b[k]
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[k]
            for j in (k + 1)..<n { sum -= a[k * n + j] * b[j] }
            b[k] = sum / a[k * n + k]
            guard b[k].isFinite else { return false }
        }
        return true
    }
}
