public import OuroborosCore

/// The values of every variable in every period of one run, and how well the accounts closed.
///
/// Stored flat: one row of slots per period, periods `0...periods`.
public struct SimulationResult: Sendable {
    private let model: CompiledModel
    private let values: [Double]

    /// The model's name.
    public var modelName: String { model.name }
    /// The reported columns: endogenous variables in equation order, then exogenous in file order.
    public let variableNames: [String]
    /// The number of solved periods; rows are periods `0...periods`.
    public let periods: Int
    /// The largest `|row or column sum| / max(Σ|cells|, level)` of any matrix line in any solved
    /// period, where `level` is the largest absolute value the matrix reads in that period (0 for a
    /// model without matrices). Each period's check fails when this exceeds 10⁻⁹.
    public let maxRelativeImbalance: Double
    /// Blocks that Newton's method could not solve and Gauss–Seidel did (usually empty).
    public let gaussSeidelFallbacks: [SolverFallback]

    init(
        model: CompiledModel, periods: Int, values: [Double], maxRelativeImbalance: Double,
        gaussSeidelFallbacks: [SolverFallback]
    ) {
        self.model = model
        self.values = values
        self.variableNames = Array(model.slotNames[0..<model.reportedCount])
        self.periods = periods
        self.maxRelativeImbalance = maxRelativeImbalance
        self.gaussSeidelFallbacks = gaussSeidelFallbacks
    }

    /// The values of `variable` (a variable or a parameter), index = period, or `nil` for an unknown name.
    public func series(_ variable: String) -> [Double]? {
        guard let slot = model.slotByName[variable] else { return nil }
        return (0...periods).map { values[$0 * model.slotCount + slot] }
    }

    /// The value of `variable` in `period`, or `nil` for an unknown name or period.
    public func value(of variable: String, at period: Int) -> Double? {
        guard let slot = model.slotByName[variable], (0...periods).contains(period) else { return nil }
        return values[period * model.slotCount + slot]
    }

    /// The values of `period` in `variableNames` order.
    public func row(_ period: Int) -> [Double] {
        precondition((0...periods).contains(period), "period \(period) is outside 0...\(periods)")
        let start = period * model.slotCount
        return Array(values[start..<(start + model.reportedCount)])
    }

    /// The model's matrices evaluated at `period` (empty when the model has none).
    public func matrices(at period: Int) -> [SFCMatrix] {
        precondition((0...periods).contains(period), "period \(period) is outside 0...\(periods)")
        guard !model.matrices.isEmpty else { return [] }
        let stack = UnsafeMutablePointer<Double>.allocate(capacity: model.stackDepth)
        defer { stack.deallocate() }
        return model.code.withUnsafeBufferPointer { code in
            values.withUnsafeBufferPointer { table in
                let interpreter = Interpreter(code: code, values: table.baseAddress!, slotCount: model.slotCount, stack: stack)
                return model.matrices.map { matrix in
                    matrix.evaluated(title: "\(model.name), period \(period)") { interpreter.evaluate($0, period: period) }
                }
            }
        }
    }
}
