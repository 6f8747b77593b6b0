import OuroborosCore

extension Simulation {
    /// The least floor under a matrix line's scale, as in `SFCMatrix.firstImbalance`.
    static let matrixFloor = 1e-9
    /// The relative tolerance of matrix lines, as in `SFCMatrix.firstImbalance`.
    static let matrixTolerance = 1e-9

    /// Checks every hidden equation: `|a − b| ≤ 10⁻⁹ · max(1, |a|, |b|)`.
    func checkHidden(period: Int) throws(SimulationError) {
        for hidden in model.hidden {
            let a = interpreter.evaluate(hidden.left, period: period)
            let b = interpreter.evaluate(hidden.right, period: period)
            let difference = a - b
            if !(abs(difference) <= Self.hiddenTolerance * max(1, abs(a), abs(b))) {
                throw .hiddenEquationFailed(
                    model: model.name, period: period, equation: hidden.text, difference: difference, location: hidden.location)
            }
        }
    }

    /// Evaluates every matrix cell and checks that rows and columns sum to zero.
    ///
    /// A line passes when `|sum| ≤ 10⁻⁹ · max(Σ|cells|, level)`, where `level` is the largest
    /// absolute value of any variable the matrix reads in this period (current or lagged, at
    /// least 10⁻⁹). The level keeps the rounding of a stock difference such as `Hh − Hh[-1]`
    /// (about 10⁻¹⁶ of the stock) from counting as an imbalance when the flow itself is tiny,
    /// and matches the 10⁻⁹ relative tolerance of hidden equations.
    ///
    /// Sums in the same order as `SFCMatrix`; only when a line fails is an `SFCMatrix` built, so
    /// that `firstImbalance(relativeTolerance:absoluteFloor:)` names the failure.
    mutating func checkMatrices(period: Int) throws(SimulationError) {
        let cells = workspace.cells
        for matrix in model.matrices {
            let rowCount = matrix.rows.count
            let columnCount = matrix.columns.count
            let floor = level(of: matrix, period: period)
            var failed = false
            for index in 0..<(rowCount * columnCount) {
                if let code = matrix.cells[index] {
                    cells[index] = interpreter.evaluate(code, period: period)
                    if !cells[index].isFinite { failed = true }
                } else {
                    cells[index] = 0
                }
            }
            for row in 0..<rowCount where !matrix.rowIsExempt[row] {
                var sum = 0.0
                var scale = 0.0
                for column in 0..<columnCount {
                    sum += cells[row * columnCount + column]
                    scale += abs(cells[row * columnCount + column])
                }
                if !record(sum: sum, scale: scale, floor: floor) { failed = true }
            }
            for column in 0..<columnCount {
                var sum = 0.0
                var scale = 0.0
                for row in 0..<rowCount {
                    sum += cells[row * columnCount + column]
                    scale += abs(cells[row * columnCount + column])
                }
                if !record(sum: sum, scale: scale, floor: floor) { failed = true }
            }
            if failed {
                let evaluated = matrix.evaluated(title: "\(model.name), period \(period)") {
                    interpreter.evaluate($0, period: period)
                }
                if let imbalance = evaluated.firstImbalance(relativeTolerance: Self.matrixTolerance, absoluteFloor: floor) {
                    throw .identityViolation(SFCIdentityViolation(period: period, model: model.name, imbalance: imbalance))
                }
            }
        }
    }

    /// The largest absolute value `matrix` reads in `period`, at least `matrixFloor`.
    private func level(of matrix: CompiledMatrix, period: Int) -> Double {
        var level = Self.matrixFloor
        for read in matrix.reads {
            level = max(level, abs(values[max(period - read.lag, 0) * slotCount + read.slot]))
        }
        return level
    }

    /// Tracks the largest relative imbalance; returns whether the line passes.
    private mutating func record(sum: Double, scale: Double, floor: Double) -> Bool {
        let denominator = max(scale, floor)
        let ratio = abs(sum) / denominator
        if ratio > largestImbalance { largestImbalance = ratio }
        return abs(sum) <= Self.matrixTolerance * denominator
    }
}
