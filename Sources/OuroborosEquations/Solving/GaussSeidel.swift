extension Simulation {
    /// Gauss–Seidel sweeps per block and period before giving up.
    static let gaussSeidelSweeps = 10_000

    /// Solves a block by Gauss–Seidel: evaluates its equations in order, each reading the newest
    /// values, until a whole sweep changes no variable by more than `10⁻¹² · max(1, |x|)`.
    mutating func solveByGaussSeidel(_ step: SolveStep, period: Int) -> BlockOutcome {
        let row = values + period &* slotCount
        let first = Int(step.first)
        let end = Int(step.first + step.count)
        var largestChange = Double.infinity
        for _ in 0..<Self.gaussSeidelSweeps {
            var sweepChange = 0.0
            for index in first..<end {
                let equation = equations[index]
                let slot = Int(equation.target)
                let value = interpreter.evaluate(equation.code, period: period)
                guard value.isFinite else { return BlockOutcome(converged: false, residual: largestChange) }
                sweepChange = max(sweepChange, abs(value - row[slot]) / max(1, abs(value)))
                row[slot] = value
            }
            largestChange = sweepChange
            if sweepChange <= Self.tolerance { return BlockOutcome(converged: true, residual: sweepChange) }
        }
        return BlockOutcome(converged: false, residual: largestChange)
    }
}
