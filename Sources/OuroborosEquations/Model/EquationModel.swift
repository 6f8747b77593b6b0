public import OuroborosCore

/// A Godley–Lavoie equation model, checked and compiled, ready to run any number of times.
///
/// Compiling resolves every name to a slot of a period's row, orders the equations by their
/// same-period dependencies (strongly connected components), chooses tear variables for each
/// simultaneous block, and compiles every expression to bytecode.
public struct EquationModel: Sendable {
    let compiled: CompiledModel

    /// The model's name.
    public var name: String { compiled.name }
    /// The number of periods the model file asks for.
    public var periods: Int { compiled.periods }
    /// The reported columns: endogenous variables in equation order, then exogenous in file order.
    public let variableNames: [String]

    private init(compiled: CompiledModel) {
        self.compiled = compiled
        self.variableNames = Array(compiled.slotNames[0..<compiled.reportedCount])
    }

    /// Checks `spec` and compiles it; throws every problem found, each at its line and column.
    public static func compile(_ spec: EquationModelSpec) throws(DiagnosticList) -> EquationModel {
        EquationModel(compiled: ModelCompiler.compile(try ModelChecker.check(spec)))
    }

    /// The endogenous variables in the order a period evaluates them.
    public var evaluationOrder: [String] {
        compiled.equations.map { compiled.slotNames[Int($0.target)] }
    }

    /// The simultaneous blocks, in evaluation order.
    public var simultaneousBlocks: [SimultaneousBlock] {
        compiled.steps.filter(\.isSimultaneous).map { step in
            let variables = compiled.variables(of: step)
            return SimultaneousBlock(variables: variables, tears: Array(variables.suffix(Int(step.tearCount))))
        }
    }

    /// Runs the model with Newton's method for simultaneous blocks; see `run(periods:solver:)`.
    public func run(periods: Int? = nil) throws(SimulationError) -> SimulationResult {
        try run(periods: periods, solver: .newton)
    }

    /// Runs the model from its initial state for `periods` periods (the model's own count when `nil`;
    /// a negative count is treated as 0).
    ///
    /// Period 0 is the initial state: initial values, 0 for other endogenous variables, base values
    /// for parameters and exogenous variables (a series' first value). Period `t` reads `X[-k]` from
    /// period `max(t − k, 0)`; a series shorter than the run holds its last value; shocks without
    /// an end last to the end of the run. Each period starts from the previous period's values.
    ///
    /// Simultaneous blocks converge when, for every tear variable `x`, both the residual
    /// `|g(x) − x|` and Newton's last step are at most `10⁻¹² · max(1, |x|)` (Gauss–Seidel: no
    /// variable of the block changes by more than `10⁻¹² · max(1, |x|)` in a whole sweep).
    /// After each period, every variable must be finite, every hidden equation must hold to
    /// `|a − b| ≤ 10⁻⁹ · max(1, |a|, |b|)` and every matrix must close (`SFCMatrix.firstImbalance()`).
    public func run(periods: Int? = nil, solver: SolverMethod) throws(SimulationError) -> SimulationResult {
        try Simulation.run(compiled, periods: max(periods ?? compiled.periods, 0), method: solver)
    }
}
