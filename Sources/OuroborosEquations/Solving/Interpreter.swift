import OuroborosCore

/// Evaluates bytecode on plain numbers against a run's value table.
///
/// Holds raw pointers only; it allocates nothing and must not outlive the memory it points into.
struct Interpreter {
    /// All bytecode.
    let code: UnsafeBufferPointer<Instruction>
    /// The value table: period-major rows of `slotCount` values.
    let values: UnsafePointer<Double>
    /// Slots per row.
    let slotCount: Int
    /// Scratch stack, at least the compiled model's `stackDepth` long.
    let stack: UnsafeMutablePointer<Double>

    /// The value of the code in `range` in `period`; lags read earlier rows, clamped at period 0.
    @inline(__always)
    func evaluate(_ range: CodeRange, period: Int) -> Double {
        let row = values + period &* slotCount
        var top = -1
        var pc = Int(range.start)
        let end = Int(range.end)
        while pc < end {
            let instruction = code[pc]
            pc &+= 1
            switch instruction.opcode {
            case .constant:
                top &+= 1
                stack[top] = instruction.constant
            case .load, .loadBlock:
                top &+= 1
                stack[top] = row[Int(instruction.slot)]
            case .loadLag:
                let source = Swift.max(period &- Int(instruction.lag), 0)
                top &+= 1
                stack[top] = values[source &* slotCount &+ Int(instruction.slot)]
            case .add:
                top &-= 1
                stack[top] += stack[top &+ 1]
            case .subtract:
                top &-= 1
                stack[top] -= stack[top &+ 1]
            case .multiply:
                top &-= 1
                stack[top] *= stack[top &+ 1]
            case .divide:
                top &-= 1
                stack[top] /= stack[top &+ 1]
            case .power:
                top &-= 1
                stack[top] = Math.pow(stack[top], stack[top &+ 1])
            case .powerConstant:
                stack[top] = Math.pow(stack[top], instruction.constant)
            case .square:
                stack[top] *= stack[top]
            case .negate:
                stack[top] = -stack[top]
            case .exp:
                stack[top] = Math.exp(stack[top])
            case .log:
                stack[top] = Math.log(stack[top])
            case .sqrt:
                stack[top] = stack[top].squareRoot()
            case .abs:
                stack[top] = Swift.abs(stack[top])
            case .minimum:
                top &-= 1
                stack[top] = smaller(stack[top], stack[top &+ 1])
            case .maximum:
                top &-= 1
                stack[top] = larger(stack[top], stack[top &+ 1])
            }
        }
        return stack[0]
    }
}

/// The smaller of `a` and `b`; NaN when either is NaN, so that bad values are never hidden.
@inline(__always)
func smaller(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : (b < a ? b : a)
}

/// The larger of `a` and `b`; NaN when either is NaN.
@inline(__always)
func larger(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : (b > a ? b : a)
}
