/// Turns expression trees into flat bytecode appended to one shared instruction array.
///
/// Folds constant arithmetic (`+ - * /`), turns `x^2` into a multiplication and `x^c` into `powerConstant`,
/// and tracks the deepest evaluation stack any expression needs.
struct ExpressionCompiler {
    /// All code compiled so far.
    private(set) var instructions: [Instruction] = []
    /// The deepest stack any compiled expression needs.
    private(set) var maximumDepth = 1
    private var depth = 0
    private let slots: [String: Int]

    /// A compiler resolving names through `slots`.
    init(slots: [String: Int]) {
        self.slots = slots
    }

    /// Appends the code of `expression`; current-period reads of `blockSlots` become `loadBlock`.
    mutating func compile(_ expression: Expression, blockSlots: Set<Int> = []) -> CodeRange {
        let start = instructions.count
        depth = 0
        emit(fold(expression), blockSlots: blockSlots)
        return CodeRange(start: Int32(start), end: Int32(instructions.count))
    }

    private mutating func emit(_ expression: Expression, blockSlots: Set<Int>) {
        switch expression {
        case .number(let value):
            push(Instruction(opcode: .constant, constant: value))
        case .variable(let reference):
            // The checker guarantees every name resolves.
            let slot = slots[reference.name]!
            if reference.lag > 0 {
                push(Instruction(opcode: .loadLag, slot: Int32(slot), lag: Int32(reference.lag)))
            } else {
                push(Instruction(opcode: blockSlots.contains(slot) ? .loadBlock : .load, slot: Int32(slot)))
            }
        case .negate(let operand):
            emit(operand, blockSlots: blockSlots)
            instructions.append(Instruction(opcode: .negate))
        case .binary(.power, let base, .number(let exponent)):
            emit(base, blockSlots: blockSlots)
            instructions.append(
                exponent == 2
                    ? Instruction(opcode: .square)
                    : Instruction(opcode: .powerConstant, constant: exponent))
        case .binary(let op, let left, let right):
            emit(left, blockSlots: blockSlots)
            emit(right, blockSlots: blockSlots)
            pop(Instruction(opcode: Self.opcode(of: op)))
        case .call(let function, let arguments):
            emit(arguments[0], blockSlots: blockSlots)
            for argument in arguments.dropFirst() {
                emit(argument, blockSlots: blockSlots)
                pop(Instruction(opcode: function == .min ? .minimum : .maximum))
            }
            if let unary = Self.opcode(of: function) {
                instructions.append(Instruction(opcode: unary))
            }
        }
    }

    private mutating func push(_ instruction: Instruction) {
        instructions.append(instruction)
        depth += 1
        maximumDepth = max(maximumDepth, depth)
    }

    private mutating func pop(_ instruction: Instruction) {
        instructions.append(instruction)
        depth -= 1
    }

    private static func opcode(of op: BinaryOperator) -> Opcode {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        }
    }

    /// The unary opcode of a one-argument function (`nil` for `min`/`max`).
    private static func opcode(of function: BuiltinFunction) -> Opcode? {
        switch function {
        case .exp: .exp
        case .log: .log
        case .sqrt: .sqrt
        case .abs: .abs
        case .min, .max: nil
        }
    }

    /// `expression` with every all-constant subexpression replaced by its value (when finite).
    private func fold(_ expression: Expression) -> Expression {
        switch expression {
        case .number, .variable:
            return expression
        case .negate(let operand):
            let folded = fold(operand)
            if case .number(let value) = folded { return .number(-value) }
            return .negate(folded)
        case .binary(let op, let left, let right):
            let l = fold(left)
            let r = fold(right)
            if case .number(let a) = l, case .number(let b) = r, let value = Self.fold(op, a, b), value.isFinite {
                return .number(value)
            }
            return .binary(op, l, r)
        case .call(let function, let arguments):
            return .call(function, arguments.map(fold))
        }
    }

    /// `a op b` for the operators folded at compile time (`nil` for `^`, left to run time).
    private static func fold(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double? {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: nil
        }
    }
}
