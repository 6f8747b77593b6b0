extension Simulation {
    /// Newton iterations per block and period before giving up.
    static let newtonIterations = 50
    /// Step halvings per Newton iteration before giving up.
    static let stepHalvings = 40

    /// Solves a block for its tears by Newton's method with backtracking.
    ///
    /// Given tear values `τ`, the block's other equations are evaluated in order and the tear
    /// equations give `g(τ)`; the residual is `r = g(τ) − τ`. Its exact Jacobian comes from dual
    /// numbers with one tangent per tear. Each step `Δ = −J⁻¹r` is halved until `‖r‖²` falls by
    /// the Armijo factor `1 − 2·10⁻⁴·λ`. Converged when, for every tear, both `|rᵢ|` and `|Δᵢ|`
    /// are at most `10⁻¹² · max(1, |τᵢ|)`; that last step is still applied, and the block's variables
    /// then hold the values at the updated `τ`.
    mutating func solveByNewton(_ step: SolveStep, period: Int) -> BlockOutcome {
        let width = Int(step.tearCount)
        let tearBase = Int(step.first + step.count) - width
        let row = values + period &* slotCount
        let residual = workspace.residual
        let newtonStep = workspace.step
        let start = workspace.start

        for i in 0..<width {
            let tangent = workspace.tangentTable + Int(equations[tearBase + i].target) &* width
            tangent.update(repeating: 0, count: width)
            tangent[i] = 1
        }

        var norm = blockResidual(step, period: period)
        var best = norm.isFinite ? largestResidual(width) : .infinity
        for _ in 0..<Self.newtonIterations {
            guard norm.isFinite else { break }
            workspace.factors.update(from: workspace.jacobian, count: width * width)
            for i in 0..<width { newtonStep[i] = -residual[i] }
            guard LinearSystem.solve(workspace.factors, newtonStep, count: width) else { break }

            var converged = true
            for i in 0..<width {
                let tear = row[Int(equations[tearBase + i].target)]
                if !Self.isNegligible(residual[i], comparedTo: tear) || !Self.isNegligible(newtonStep[i], comparedTo: tear) {
                    converged = false
                    break
                }
            }
            if converged {
                // Take the last, negligible step anyway: near a steady state the previous period's
                // values already pass the test, and accepting them unpolished lets errors of ~1e-12
                // relative accumulate in the stocks over hundreds of periods.
                for i in 0..<width { row[Int(equations[tearBase + i].target)] += newtonStep[i] }
                norm = blockResidual(step, period: period)
                return BlockOutcome(converged: true, residual: norm.isFinite ? largestResidual(width) : best)
            }

            for i in 0..<width { start[i] = row[Int(equations[tearBase + i].target)] }
            let previous = norm
            var lambda = 1.0
            var accepted = false
            for _ in 0..<Self.stepHalvings {
                for i in 0..<width { row[Int(equations[tearBase + i].target)] = start[i] + lambda * newtonStep[i] }
                norm = blockResidual(step, period: period)
                if norm.isFinite, norm <= (1 - 2e-4 * lambda) * previous || residualIsNegligible(tearBase, width, row) {
                    accepted = true
                    break
                }
                lambda *= 0.5
            }
            guard accepted else { break }
            best = min(best, largestResidual(width))
        }
        return BlockOutcome(converged: false, residual: best)
    }

    /// Evaluates the block at the current tear values: non-tear variables with their tangents,
    /// the residuals `g(τ) − τ` and the Jacobian `∂g/∂τ − I`. Returns `‖r‖²`.
    @inline(__always)
    private func blockResidual(_ step: SolveStep, period: Int) -> Double {
        let width = Int(step.tearCount)
        let first = Int(step.first)
        let tearBase = Int(step.first + step.count) - width
        let row = values + period &* slotCount
        for index in first..<tearBase {
            let equation = equations[index]
            let slot = Int(equation.target)
            row[slot] = dual.evaluate(
                equation.code, period: period, width: width,
                tangent: workspace.tangentTable + slot &* width)
        }
        var sum = 0.0
        for i in 0..<width {
            let equation = equations[tearBase + i]
            let jacobianRow = workspace.jacobian + i &* width
            let value = dual.evaluate(equation.code, period: period, width: width, tangent: jacobianRow)
            let r = value - row[Int(equation.target)]
            workspace.residual[i] = r
            jacobianRow[i] -= 1
            sum += r * r
        }
        return sum
    }

    private func residualIsNegligible(_ tearBase: Int, _ width: Int, _ row: UnsafeMutablePointer<Double>) -> Bool {
        for i in 0..<width where !Self.isNegligible(workspace.residual[i], comparedTo: row[Int(equations[tearBase + i].target)]) {
            return false
        }
        return true
    }

    private func largestResidual(_ width: Int) -> Double {
        var largest = 0.0
        for i in 0..<width { largest = max(largest, abs(workspace.residual[i])) }
        return largest
    }
}
