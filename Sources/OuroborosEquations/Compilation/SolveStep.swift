/// One step of a period's solve: one explicit equation, or one simultaneous block.
///
/// Steps index a run of the evaluation-ordered equation array. A block's equations are its
/// non-tear equations in dependency order followed by its `tearCount` tear equations.
struct SolveStep: Sendable {
    /// The first equation of the step in the evaluation-ordered array.
    var first: Int32
    /// How many equations the step has.
    var count: Int32
    /// How many of them (at the end) are tears; 0 for an explicit equation.
    var tearCount: Int32

    /// Whether the step is a simultaneous block.
    var isSimultaneous: Bool { tearCount > 0 }
}
