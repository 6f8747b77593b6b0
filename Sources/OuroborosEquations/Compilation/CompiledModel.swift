/// A checked model compiled for fast runs.
///
/// Every symbol owns one slot of a period's row: endogenous variables first (in equation order),
/// then exogenous variables (in file order), then parameters. A run's values are one flat table of
/// `(periods + 1) × slotCount` numbers, period-major.
struct CompiledModel: Sendable {
    /// The model's name.
    var name: String
    /// The periods the model file asks for.
    var periods: Int
    /// Slots per period.
    var slotCount: Int
    /// Endogenous variables (slots `0..<endogenousCount`).
    var endogenousCount: Int
    /// Endogenous then exogenous variables (the reported columns, slots `0..<reportedCount`).
    var reportedCount: Int
    /// The name of every slot.
    var slotNames: [String]
    /// The slot of every name.
    var slotByName: [String: Int]

    /// All bytecode.
    var code: [Instruction]
    /// Every equation, in evaluation order.
    var equations: [CompiledEquation]
    /// The text and place of every equation, parallel to `equations`.
    var sources: [EquationSource]
    /// The solve schedule of a period.
    var steps: [SolveStep]
    /// The deepest evaluation stack any code needs.
    var stackDepth: Int
    /// The most tears of any block (at least 1, to size scratch memory).
    var tearCapacity: Int

    /// Redundant equations checked every period.
    var hidden: [CompiledHidden]
    /// Matrices checked every period.
    var matrices: [CompiledMatrix]
    /// Parameters, exogenous values, initial values and shocks.
    var inputs: InputSchedule

    /// The variables of a step, for messages.
    func variables(of step: SolveStep) -> [String] {
        (Int(step.first)..<Int(step.first + step.count)).map { slotNames[Int(equations[$0].target)] }
    }
}
