/// The scratch memory of one run, allocated once before the first period and freed after the last.
///
/// One allocation is carved into the stacks of both interpreters, the tangent table, the Newton
/// system and the matrix cells, so that solving a period allocates nothing.
struct Workspace {
    private let memory: UnsafeMutablePointer<Double>
    /// Stack of the plain interpreter.
    let stack: UnsafeMutablePointer<Double>
    /// Value stack of the dual interpreter.
    let valueStack: UnsafeMutablePointer<Double>
    /// Tangent stack of the dual interpreter.
    let tangentStack: UnsafeMutablePointer<Double>
    /// Tangents of block variables, `tearCapacity` per slot.
    let tangentTable: UnsafeMutablePointer<Double>
    /// The Newton Jacobian, row-major `tears × tears`.
    let jacobian: UnsafeMutablePointer<Double>
    /// The Jacobian's elimination copy.
    let factors: UnsafeMutablePointer<Double>
    /// The tear residuals.
    let residual: UnsafeMutablePointer<Double>
    /// The Newton step.
    let step: UnsafeMutablePointer<Double>
    /// Tear values at the start of a line search.
    let start: UnsafeMutablePointer<Double>
    /// Values of the cells of the matrix being checked.
    let cells: UnsafeMutablePointer<Double>

    /// Scratch memory sized for `model`.
    init(for model: CompiledModel) {
        let depth = model.stackDepth
        let width = model.tearCapacity
        let cellCount = model.matrices.map { $0.rows.count * $0.columns.count }.max() ?? 0
        let sizes = [
            depth, depth, depth * width, model.slotCount * width, width * width, width * width,
            width, width, width, max(cellCount, 1),
        ]
        memory = .allocate(capacity: sizes.reduce(0, +))
        memory.initialize(repeating: 0, count: sizes.reduce(0, +))
        var offsets: [Int] = []
        var offset = 0
        for size in sizes {
            offsets.append(offset)
            offset += size
        }
        stack = memory + offsets[0]
        valueStack = memory + offsets[1]
        tangentStack = memory + offsets[2]
        tangentTable = memory + offsets[3]
        jacobian = memory + offsets[4]
        factors = memory + offsets[5]
        residual = memory + offsets[6]
        step = memory + offsets[7]
        start = memory + offsets[8]
        cells = memory + offsets[9]
    }

    /// Frees the memory; the workspace must not be used afterwards.
    func deallocate() {
        memory.deallocate()
    }
}
