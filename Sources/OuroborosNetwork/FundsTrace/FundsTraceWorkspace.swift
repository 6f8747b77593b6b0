/// ``FundsTrace``'s exact method with every buffer kept from one trace to the next, for a caller that
/// traces a small network again and again: the network engine traces its few dozen firms' payments
/// in every period of every run. Same rule, same code path and the same bits as
/// `FundsTrace(payments:openingBalances:origins:method: .exact)`; once its buffers have grown to the
/// network, a trace allocates nothing.
///
/// ```swift
/// var workspace = FundsTraceWorkspace()
/// try workspace.trace(nodeCount: 3, sources: [0, 1, 2], targets: [1, 2, 1], amounts: [100, 90, 60],
///                     openingBalances: [0, 50, 0], origins: [0])
/// workspace.inflow[1]                      // 160
/// for k in workspace.mixRange(of: 1) { workspace.mixLabel[k], workspace.mixShare[k] }   // (0, 0.875), (1, 0.125)
/// ```
public struct FundsTraceWorkspace: Sendable {
    private var problem = FundsTraceProblem()
    private var graphScratch = CSRBuilder.Scratch()
    private var solver = DenseLUMixSolver()
    private var assembler = RevenueMixAssembler()
    private var flat: [Double] = []
    /// Labels of the revenue-mix entries, ascending within each node (as `FundsTrace.mixLabel`).
    public private(set) var mixLabel: [Int32] = []
    /// Shares of the revenue-mix entries (as `FundsTrace.mixShare`).
    public private(set) var mixShare: [Double] = []
    /// Per node, the share of its inflows that traces to no label (as `FundsTrace.unattributedShare`).
    public private(set) var unattributedShare: [Double] = []
    private var mixStart: [Int] = [0]

    /// An empty workspace; it grows to the first network it traces.
    public init() {}

    /// Traces the payments `sources[i] → targets[i]` of `amounts[i]` (parallel payments summed in
    /// order, self-payments dropped) given `openingBalances` (one per node or none) and `origins`,
    /// exactly (dense LU); throws on invalid input or more than `FundsTrace.exactLimit` unknown mixes.
    public mutating func trace(
        nodeCount: Int, sources: [Int32], targets: [Int32], amounts: [Double], openingBalances: [Double], origins: [Int]
    ) throws(FundsTraceError) {
        do {
            try problem.payments.rebuild(
                nodeCount: nodeCount, sources: sources, targets: targets, amounts: amounts, keepSelfLoops: false, scratch: &graphScratch)
        } catch {
            throw .invalidPayments(error)
        }
        try problem.classify(openingBalances: openingBalances, origins: origins)
        guard problem.mixingCount <= FundsTrace.exactLimit else {
            throw .tooLargeForExactSolver(unknowns: problem.mixingCount, limit: FundsTrace.exactLimit)
        }
        try solver.factor(problem)
        assembler.layOut(problem)
        let total = assembler.start[problem.nodeCount]
        CSRBuilder.reset(&mixLabel, count: total, to: 0)
        CSRBuilder.reset(&mixShare, count: total, to: 0)
        CSRBuilder.reset(&unattributedShare, count: problem.nodeCount, to: 0)
        let columns = problem.columnCount
        let laneCount = columns <= 2 ? 2 : columns <= 4 ? 4 : columns <= 8 ? 8 : 16
        var holes = 0
        let (problem, solver, assembler) = (problem, solver, assembler)
        mixLabel.withUnsafeMutableBufferPointer { label in
            mixShare.withUnsafeMutableBufferPointer { share in
                unattributedShare.withUnsafeMutableBufferPointer { unattributed in
                    let output = MixOutput(label: label, share: share, unattributed: unattributed)
                    for first in stride(from: 0, to: columns, by: laneCount) {
                        let width = min(laneCount, columns - first)
                        switch laneCount {
                        case 2:
                            holes += FundsTrace.solveExactGroup(
                                first: first, width: width, SIMD2<Double>.self, problem, solver, assembler, output, flat: &flat)
                        case 4:
                            holes += FundsTrace.solveExactGroup(
                                first: first, width: width, SIMD4<Double>.self, problem, solver, assembler, output, flat: &flat)
                        case 8:
                            holes += FundsTrace.solveExactGroup(
                                first: first, width: width, SIMD8<Double>.self, problem, solver, assembler, output, flat: &flat)
                        default:
                            holes += FundsTrace.solveExactGroup(
                                first: first, width: width, SIMD16<Double>.self, problem, solver, assembler, output, flat: &flat)
                        }
                    }
                }
            }
        }
        if holes > 0 {
            assembler.compact(label: &mixLabel, share: &mixShare, rows: &mixStart)
        } else {
            mixStart.removeAll(keepingCapacity: true)
            mixStart.append(contentsOf: assembler.start)
        }
    }

    /// Each node's inflow of the traced period (the denominator of its shares).
    public var inflow: [Double] { problem.inflow }

    /// The positions in `mixLabel`/`mixShare` of `node`'s revenue mix (empty when it had no inflow).
    public func mixRange(of node: Int) -> Range<Int> {
        mixStart[node]..<mixStart[node + 1]
    }
}
