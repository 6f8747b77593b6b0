/// One operation of the expression bytecode, a stack machine over `Double`s.
enum Opcode: UInt8, Sendable {
    /// Push `constant`.
    case constant
    /// Push the current period's value of `slot`, a constant during the solve of this equation.
    case load
    /// Push the current period's value of `slot`, a variable of the simultaneous block being solved
    /// (it carries a derivative with respect to the block's tear variables).
    case loadBlock
    /// Push the value of `slot` `lag` periods back, clamped at period 0.
    case loadLag
    case add, subtract, multiply, divide
    /// `a ^ b` for two computed operands.
    case power
    /// `a ^ constant`.
    case powerConstant
    /// `a * a`.
    case square
    case negate, exp, log, sqrt, abs
    /// The smaller of two operands.
    case minimum
    /// The larger of two operands.
    case maximum
}

/// One bytecode instruction: an opcode and its operands.
struct Instruction: Sendable {
    /// What to do.
    var opcode: Opcode
    /// The slot read by the load opcodes.
    var slot: Int32 = 0
    /// The lag of `loadLag`.
    var lag: Int32 = 0
    /// The number pushed by `constant`, or the exponent of `powerConstant`.
    var constant: Double = 0
}

/// A run of instructions that leaves one value on the stack: `[start, end)` in the code array.
struct CodeRange: Sendable, Equatable {
    /// The first instruction.
    var start: Int32
    /// One past the last instruction.
    var end: Int32
}

/// An equation ready to evaluate: its code and the slot it writes.
struct CompiledEquation: Sendable {
    /// The right-hand side.
    var code: CodeRange
    /// The slot of the variable it defines.
    var target: Int32
}
