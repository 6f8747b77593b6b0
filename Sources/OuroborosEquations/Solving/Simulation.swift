/// One run of a compiled model: the period loop over a flat value table.
///
/// Works on raw views of the model's arrays and of the table, so that a period allocates
/// nothing; `run` sets those views up and tears them down.
struct Simulation {
    /// The relative tolerance of every simultaneous block (see `EquationModel.run`).
    static let tolerance = 1e-12
    /// The relative tolerance of hidden equations.
    static let hiddenTolerance = 1e-9

    /// The model being run.
    let model: CompiledModel
    /// How simultaneous blocks are solved.
    let method: SolverMethod
    /// The value table, `(periods + 1) × slotCount`.
    let values: UnsafeMutablePointer<Double>
    /// Slots per period.
    let slotCount: Int
    /// The model's equations in evaluation order.
    let equations: UnsafeBufferPointer<CompiledEquation>
    /// The model's solve schedule.
    let steps: UnsafeBufferPointer<SolveStep>
    /// Scratch memory.
    let workspace: Workspace
    /// Evaluates on plain numbers.
    let interpreter: Interpreter
    /// Evaluates on dual numbers for Newton's Jacobian.
    let dual: DualInterpreter
    /// Blocks that Newton's method could not solve and Gauss–Seidel did.
    var fallbacks: [SolverFallback] = []
    /// The largest `|sum| / scale` of any matrix line so far.
    var largestImbalance = 0.0

    /// Runs `model` for `periods` periods and returns every period's values.
    static func run(_ model: CompiledModel, periods: Int, method: SolverMethod) throws(SimulationError) -> SimulationResult {
        var table = [Double](repeating: 0, count: (periods + 1) * model.slotCount)
        model.inputs.fill(&table, periods: periods, slotCount: model.slotCount)
        let workspace = Workspace(for: model)
        defer { workspace.deallocate() }

        var outcome: (fallbacks: [SolverFallback], imbalance: Double) = ([], 0)
        try model.code.withUnsafeBufferPointer { code throws(SimulationError) in
            try model.equations.withUnsafeBufferPointer { equations throws(SimulationError) in
                try model.steps.withUnsafeBufferPointer { steps throws(SimulationError) in
                    try table.withUnsafeMutableBufferPointer { buffer throws(SimulationError) in
                        let values = buffer.baseAddress!
                        var simulation = Simulation(
                            model: model, method: method, values: values, slotCount: model.slotCount,
                            equations: equations, steps: steps, workspace: workspace,
                            interpreter: Interpreter(
                                code: code, values: values, slotCount: model.slotCount,
                                stack: workspace.stack),
                            dual: DualInterpreter(
                                code: code, values: values, slotCount: model.slotCount,
                                tangentTable: workspace.tangentTable,
                                valueStack: workspace.valueStack,
                                tangentStack: workspace.tangentStack))
                        for period in stride(from: 1, through: periods, by: 1) {
                            try simulation.solve(period: period)
                        }
                        outcome = (simulation.fallbacks, simulation.largestImbalance)
                    }
                }
            }
        }
        return SimulationResult(
            model: model, periods: periods, values: table,
            maxRelativeImbalance: outcome.imbalance, gaussSeidelFallbacks: outcome.fallbacks)
    }

    /// Solves `period`, starting from the previous period's values, then runs the checks.
    mutating func solve(period: Int) throws(SimulationError) {
        let row = values + period &* slotCount
        row.update(from: row - slotCount, count: model.endogenousCount)
        for step in steps {
            if step.tearCount == 0 {
                let equation = equations[Int(step.first)]
                row[Int(equation.target)] = interpreter.evaluate(equation.code, period: period)
            } else {
                try solveBlock(step, period: period)
            }
        }
        for (index, equation) in equations.enumerated() where !row[Int(equation.target)].isFinite {
            throw .undefinedValue(
                model: model.name, period: period, equation: model.sources[index], value: row[Int(equation.target)], block: nil)
        }
        if !model.hidden.isEmpty { try checkHidden(period: period) }
        if !model.matrices.isEmpty { try checkMatrices(period: period) }
    }

    /// Solves one simultaneous block: Newton's method, then Gauss–Seidel if Newton fails.
    private mutating func solveBlock(_ step: SolveStep, period: Int) throws(SimulationError) {
        var residual = Double.infinity
        if method == .newton {
            let newton = solveByNewton(step, period: period)
            if newton.converged { return }
            residual = newton.residual
            let row = values + period &* slotCount
            for index in Int(step.first)..<Int(step.first + step.count) {
                let slot = Int(equations[index].target)
                row[slot] = row[slot - slotCount]
            }
        }
        let sweeps = solveByGaussSeidel(step, period: period)
        if sweeps.converged {
            if method == .newton {
                fallbacks.append(SolverFallback(period: period, variables: model.variables(of: step)))
            }
            return
        }
        if let culprit = undefinedEquation(in: step, period: period) {
            throw .undefinedValue(
                model: model.name, period: period, equation: model.sources[culprit.index], value: culprit.value,
                block: model.variables(of: step))
        }
        throw .didNotConverge(
            model: model.name, period: period, variables: model.variables(of: step),
            residual: method == .newton ? residual : sweeps.residual)
    }

    /// The first equation of `step` whose right-hand side is NaN or infinite at the block's starting
    /// point (the previous period's values): a `log(-1)` or `Y/0` that no iteration can mend, by
    /// which a failed block is reported. Values that only blow up while iterating are left to
    /// `didNotConverge`.
    private func undefinedEquation(in step: SolveStep, period: Int) -> (index: Int, value: Double)? {
        let row = values + period &* slotCount
        let block = Int(step.first)..<Int(step.first + step.count)
        for index in block {
            let slot = Int(equations[index].target)
            row[slot] = row[slot - slotCount]
        }
        for index in block {
            let value = interpreter.evaluate(equations[index].code, period: period)
            if !value.isFinite { return (index, value) }
        }
        return nil
    }

    /// Whether `x` is within the solver's tolerance of zero relative to the value `scale`.
    @inline(__always)
    static func isNegligible(_ x: Double, comparedTo scale: Double) -> Bool {
        abs(x) <= tolerance * max(1, abs(scale))
    }
}
