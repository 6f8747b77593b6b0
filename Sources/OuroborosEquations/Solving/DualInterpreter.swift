import OuroborosCore

/// Evaluates bytecode on dual numbers: each value carries its derivatives with respect to the
/// tear variables of the block being solved (forward-mode automatic differentiation).
///
/// `loadBlock` reads a block variable's tangent from `tangentTable`; every other load is a
/// constant with zero tangent. Holds raw pointers only and allocates nothing.
struct DualInterpreter {
    /// All bytecode.
    let code: UnsafeBufferPointer<Instruction>
    /// The value table: period-major rows of `slotCount` values.
    let values: UnsafePointer<Double>
    /// Slots per row.
    let slotCount: Int
    /// Tangent of each block variable: `width` numbers at `slot * width`.
    let tangentTable: UnsafePointer<Double>
    /// Scratch value stack, `stackDepth` long.
    let valueStack: UnsafeMutablePointer<Double>
    /// Scratch tangent stack, `stackDepth × width` long.
    let tangentStack: UnsafeMutablePointer<Double>

    /// The value of the code in `range` in `period`; its `width` derivatives go to `tangent`.
    @inline(__always)
    func evaluate(_ range: CodeRange, period: Int, width: Int, tangent: UnsafeMutablePointer<Double>) -> Double {
        let row = values + period &* slotCount
        let v = valueStack
        var top = -1
        var pc = Int(range.start)
        let end = Int(range.end)
        while pc < end {
            let instruction = code[pc]
            pc &+= 1
            switch instruction.opcode {
            case .constant:
                top &+= 1
                v[top] = instruction.constant
                zero(top, width)
            case .load:
                top &+= 1
                v[top] = row[Int(instruction.slot)]
                zero(top, width)
            case .loadBlock:
                top &+= 1
                let slot = Int(instruction.slot)
                v[top] = row[slot]
                (tangentStack + top &* width).update(from: tangentTable + slot &* width, count: width)
            case .loadLag:
                let source = Swift.max(period &- Int(instruction.lag), 0)
                top &+= 1
                v[top] = values[source &* slotCount &+ Int(instruction.slot)]
                zero(top, width)
            case .add:
                top &-= 1
                v[top] += v[top &+ 1]
                let a = tangentStack + top &* width
                let b = a + width
                for j in 0..<width { a[j] += b[j] }
            case .subtract:
                top &-= 1
                v[top] -= v[top &+ 1]
                let a = tangentStack + top &* width
                let b = a + width
                for j in 0..<width { a[j] -= b[j] }
            case .multiply:
                top &-= 1
                let x = v[top]
                let y = v[top &+ 1]
                v[top] = x * y
                let a = tangentStack + top &* width
                let b = a + width
                for j in 0..<width { a[j] = a[j] * y + x * b[j] }
            case .divide:
                top &-= 1
                let y = v[top &+ 1]
                let quotient = v[top] / y
                v[top] = quotient
                let a = tangentStack + top &* width
                let b = a + width
                for j in 0..<width { a[j] = (a[j] - quotient * b[j]) / y }
            case .power:
                top &-= 1
                power(at: top, width)
            case .powerConstant:
                let x = v[top]
                let c = instruction.constant
                v[top] = Math.pow(x, c)
                scale(top, width, by: c * Math.pow(x, c - 1))
            case .square:
                let x = v[top]
                v[top] = x * x
                scale(top, width, by: 2 * x)
            case .negate:
                v[top] = -v[top]
                scale(top, width, by: -1)
            case .exp:
                let e = Math.exp(v[top])
                v[top] = e
                scale(top, width, by: e)
            case .log:
                let x = v[top]
                v[top] = Math.log(x)
                scale(top, width, by: 1 / x)
            case .sqrt:
                let root = v[top].squareRoot()
                v[top] = root
                scale(top, width, by: 0.5 / root)
            case .abs:
                let x = v[top]
                v[top] = Swift.abs(x)
                if x < 0 { scale(top, width, by: -1) }
            case .minimum:
                top &-= 1
                let x = v[top]
                let y = v[top &+ 1]
                v[top] = smaller(x, y)
                if y < x { takeSecond(top, width) }
            case .maximum:
                top &-= 1
                let x = v[top]
                let y = v[top &+ 1]
                v[top] = larger(x, y)
                if y > x { takeSecond(top, width) }
            }
        }
        tangent.update(from: tangentStack, count: width)
        return v[0]
    }

    @inline(__always)
    private func zero(_ position: Int, _ width: Int) {
        (tangentStack + position &* width).update(repeating: 0, count: width)
    }

    @inline(__always)
    private func scale(_ position: Int, _ width: Int, by factor: Double) {
        let a = tangentStack + position &* width
        for j in 0..<width { a[j] *= factor }
    }

    /// `x^y` at `position` and `position + 1`; the exponent's tangent is used only when non-zero,
    /// so that negative bases with constant exponents keep a finite derivative.
    @inline(__always)
    private func power(at position: Int, _ width: Int) {
        let x = valueStack[position]
        let y = valueStack[position &+ 1]
        let result = Math.pow(x, y)
        valueStack[position] = result
        let a = tangentStack + position &* width
        let b = a + width
        var exponentVaries = false
        for j in 0..<width where b[j] != 0 { exponentVaries = true }
        if exponentVaries {
            let logBase = Math.log(x)
            for j in 0..<width { a[j] = result * (b[j] * logBase + y * a[j] / x) }
        } else {
            let slope = y * Math.pow(x, y - 1)
            for j in 0..<width { a[j] *= slope }
        }
    }

    /// For `min`/`max`: the tangent at `position` becomes the second operand's.
    @inline(__always)
    private func takeSecond(_ position: Int, _ width: Int) {
        (tangentStack + position &* width).update(from: tangentStack + (position &+ 1) &* width, count: width)
    }
}
