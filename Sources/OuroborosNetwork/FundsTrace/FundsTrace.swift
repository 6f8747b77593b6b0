import Dispatch

/// Where each node's revenue (inflows of one period) came from, under proportional mixing: shares per origin label, the round-trip share, and what
/// traces to no source.
///
/// The rule. Payments of one period are edges payer → payee with amounts ≥ 0; each node has an
/// opening balance ≥ 0; some nodes are declared origins (end users, outside investors, lenders,
/// the central bank…).
/// - A non-origin node's pool is its inflows of the period plus its opening balance. Its pool mix
///   is the amount-weighted average of what flows in, with the opening balance counted as money
///   labelled with the node itself ("self" label). Its outflows all carry its pool mix.
/// - An origin emits only its own label; its pool is ignored.
/// - A node's revenue mix is the amount-weighted average of the mixes of its inflows; a node with
///   no inflow has an empty mix. Its round-trip share is the share labelled with itself.
/// - Two edge cases the rule leaves open, decided here: a non-origin that pays out with an empty
///   pool (no inflow, no balance) is treated as an origin of its own label; and money circulating
///   in a closed loop that no label reaches (no origin, no balance feeding it) is reported as
///   `unattributedShare`, so for every node with inflow the shares plus that sum to 1.
///
/// Labels are node ids: every origin, every non-origin with a positive balance, every unfunded payer.
/// The mixes solve a linear system (an absorbing Markov chain walked backwards along payments):
/// exactly, by dense Gaussian elimination with partial pivoting (k ≤ `automaticExactLimit` unknown
/// mixes under `.automatic`), or iteratively, by Gauss–Seidel over compressed rows, block by strongly
/// connected block in topological order, each sweep of a cyclic block followed by a coarse
/// correction (one shift per label that zeroes the block's pool-weighted residual; it removes the
/// slow mode of loops that leak little, e.g. a million nodes fed by eight origins), to `tolerance`
/// (default 1e-12, relative to the largest share). The two agree to about the tolerance divided by
/// the loop's leak rate.
///
/// Cost: O(n + m) to set up; labels are solved in groups of up to 16 columns (one SIMD row per
/// node, groups spread over `threads` cores, same bits for any count), each group costing one pass
/// over the acyclic part plus `sweeps` passes over the cyclic blocks (iterative), or O(k²·16) after
/// one O(k³) factorisation (exact). Work and the output grow with the number of labels (every label
/// reaching a node is one stored share), so at millions of nodes keep labels few (origins, and
/// balances only where they matter).
///
/// Worked example: Users (0, origin) pay Lab (1) 100; Lab, opening balance 50, pays Cloud (2) 90;
/// Cloud pays Lab 60. Cloud's only inflow is Lab's, so Cloud's pool mix equals Lab's, m. Lab's pool
/// is 100 + 60 + 50 = 210, so `210 m = 100·Users + 60 m + 50·Lab`, giving m = ⅔ Users + ⅓ Lab.
/// Lab's revenue (160) is 100 from Users plus 60 at mix m: Users (100 + 40)/160 = 0.875, Lab
/// 20/160 = 0.125, its round-trip share. Cloud's revenue is ⅔ Users, ⅓ Lab (round trip 0, it has
/// no balance). Users have no inflow: empty mix.
///
/// ```swift
/// let payments = try CSRGraph(nodeCount: 3, edges: [WeightedEdge(0, 1, 100), WeightedEdge(1, 2, 90), WeightedEdge(2, 1, 60)])
/// let trace = try FundsTrace(payments: payments, openingBalances: [0, 50, 0], origins: [0])
/// trace.revenueMix(of: 1)       // [(label 0, 0.875), (label 1, 0.125)]
/// trace.roundTripShare(of: 1)   // 0.125
/// ```
public struct FundsTrace: Sendable, Equatable {
    /// How the mix system is solved.
    public enum Method: Sendable, Hashable {
        /// Exact when there are at most `automaticExactLimit` unknown mixes, iterative otherwise.
        case automatic
        /// Dense Gaussian elimination with partial pivoting; at most `exactLimit` unknown mixes.
        case exact
        /// Block Gauss–Seidel sweeps over compressed rows to the tolerance, or `.didNotConverge`.
        case iterative
    }

    /// One entry of a revenue mix: the share (in (0, 1]) of a node's inflows that traces to `label` (a node id).
    public struct Share: Sendable, Hashable {
        /// The label: the node id of an origin, or of a non-origin whose own funds the money came from.
        public let label: Int
        /// The fraction of the node's inflows of the period carrying this label.
        public let share: Double

        /// The entry `share` of label `label`.
        public init(label: Int, share: Double) {
            self.label = label
            self.share = share
        }
    }

    /// Largest number of unknown mixes `.automatic` solves exactly.
    public static let automaticExactLimit = 200
    /// Largest number of unknown mixes `.exact` accepts (O(k³) time, 8k² bytes).
    public static let exactLimit = 2_000

    /// From this many payments the label groups are solved on both cores by default.
    public static let parallelEdgeThreshold = 200_000

    /// Number of nodes traced.
    public let nodeCount: Int
    /// The labels (node ids), ascending.
    public let labels: [Int32]
    /// Whether each node was declared an origin.
    public let isOrigin: [Bool]
    /// Each node's inflow of the period (the denominator of its shares).
    public let inflow: [Double]
    /// Offsets into `mixLabel`/`mixShare`, `nodeCount + 1` entries: node v's revenue mix is positions `mixStart[v] ..< mixStart[v + 1]`.
    public let mixStart: [Int]
    /// Labels of the revenue-mix entries, ascending within each node.
    public let mixLabel: [Int32]
    /// Shares of the revenue-mix entries (only positive shares are stored).
    public let mixShare: [Double]
    /// Per node, the share of its inflows that traces to no label (money in a closed loop with no source); 0 for most nodes.
    public let unattributedShare: [Double]
    /// The method actually used (`.exact` or `.iterative`).
    public let method: Method
    /// Most Gauss–Seidel sweeps any block needed (0 for the exact method; 1 when the payments are acyclic).
    public let sweeps: Int

    /// Traces `payments` (amounts ≥ 0) given `openingBalances` (one per node, each ≥ 0; empty means all 0) and the `origins`; throws on invalid
    /// input, an oversized exact system or non-convergence within `maxSweeps`.
    ///
    /// `threads` solves that many groups of up to 16 labels at once (default: 2 from `parallelEdgeThreshold` payments, else 1); the result is the
    /// same, bit for bit, for any number.
    public init(
        payments: CSRGraph,
        openingBalances: [Double] = [],
        origins: some Sequence<Int>,
        method: Method = .automatic,
        tolerance: Double = 1e-12,
        maxSweeps: Int = 10_000,
        threads: Int? = nil
    ) throws(FundsTraceError) {
        precondition(tolerance > 0, "tolerance must be positive")
        precondition(maxSweeps >= 1, "maxSweeps must be at least 1")
        var problem = try FundsTraceProblem(payments: payments, openingBalances: openingBalances, origins: origins)
        let unknowns = problem.mixingCount
        let useExact: Bool
        switch method {
        case .automatic: useExact = unknowns <= Self.automaticExactLimit
        case .exact:
            guard unknowns <= Self.exactLimit else {
                throw .tooLargeForExactSolver(unknowns: unknowns, limit: Self.exactLimit)
            }
            useExact = true
        case .iterative: useExact = false
        }

        // Labels go in groups of up to 16 columns, one SIMD row per node; the groups are independent
        // systems, solved on `threads` threads (each group in full by one thread, so the bits do not
        // depend on the thread count), each writing its shares into the final rows.
        let columns = problem.columnCount
        let laneCount = columns <= 2 ? 2 : columns <= 4 ? 4 : columns <= 8 ? 8 : 16
        let groupCount = (columns + laneCount - 1) / laneCount
        let workers = max(1, min(groupCount, threads ?? (payments.edgeCount >= Self.parallelEdgeThreshold ? 2 : 1)))
        let exactSolver = useExact ? try DenseLUMixSolver(problem: problem) : nil
        let iterativeSolver = useExact ? nil : GaussSeidelMixSolver(problem: problem)
        // From here on only the solver's slimmer copy is kept, so the full in-edges are freed.
        if let iterativeSolver { problem = iterativeSolver.problem }
        let assembler = RevenueMixAssembler(problem: problem)
        let solved = problem
        let total = assembler.start[problem.nodeCount]
        var label = [Int32](repeating: 0, count: total)
        var share = [Double](repeating: 0, count: total)
        var unattributed = [Double](repeating: 0, count: problem.nodeCount)
        let outcomes = label.withUnsafeMutableBufferPointer { label in
            share.withUnsafeMutableBufferPointer { share in
                unattributed.withUnsafeMutableBufferPointer { unattributed in
                    let output = MixOutput(label: label, share: share, unattributed: unattributed)
                    return Self.solveGroups(groupCount, workers) { group -> MixGroupOutcome in
                        switch laneCount {
                        case 2:
                            Self.solveGroup(group, SIMD2<Double>.self, solved, exactSolver, iterativeSolver, assembler, output, tolerance, maxSweeps)
                        case 4:
                            Self.solveGroup(group, SIMD4<Double>.self, solved, exactSolver, iterativeSolver, assembler, output, tolerance, maxSweeps)
                        case 8:
                            Self.solveGroup(group, SIMD8<Double>.self, solved, exactSolver, iterativeSolver, assembler, output, tolerance, maxSweeps)
                        default:
                            Self.solveGroup(group, SIMD16<Double>.self, solved, exactSolver, iterativeSolver, assembler, output, tolerance, maxSweeps)
                        }
                    }
                }
            }
        }
        var mostSweeps = 0
        var holes = 0
        for outcome in outcomes {
            switch outcome {
            case .failure(let error): throw error
            case .success(let solved):
                mostSweeps = max(mostSweeps, solved.sweeps)
                holes += solved.holes
            }
        }
        let start = holes > 0 ? assembler.compact(label: &label, share: &share) : assembler.start
        nodeCount = problem.nodeCount
        labels = problem.labels
        isOrigin = problem.isOrigin
        inflow = problem.inflow
        mixStart = start
        mixLabel = label
        mixShare = share
        unattributedShare = unattributed
        self.method = useExact ? .exact : .iterative
        sweeps = mostSweeps
    }

    /// Runs `solve` for groups `0 ..< count`, worker w taking groups w, w + workers, …; outcomes by group.
    private static func solveGroups(
        _ count: Int, _ workers: Int, _ solve: @escaping @Sendable (Int) -> MixGroupOutcome
    ) -> [MixGroupOutcome] {
        let slots = OutcomeSlots(count: count)
        if workers == 1 {
            for group in 0..<count { slots.store(group, solve(group)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for group in stride(from: worker, to: count, by: workers) { slots.store(group, solve(group)) }
            }
        }
        return slots.take()
    }

    /// Solves column group `group` with whichever solver is given and writes its shares into `output`.
    private static func solveGroup<V: SIMD>(
        _ group: Int,
        _: V.Type,
        _ problem: FundsTraceProblem,
        _ exact: DenseLUMixSolver?,
        _ iterative: GaussSeidelMixSolver?,
        _ assembler: RevenueMixAssembler,
        _ output: MixOutput,
        _ tolerance: Double,
        _ maxSweeps: Int
    ) -> MixGroupOutcome where V.Scalar == Double {
        let first = group * V.scalarCount
        let width = min(V.scalarCount, problem.columnCount - first)
        if let exact {
            var flat: [Double] = []
            let holes = solveExactGroup(first: first, width: width, V.self, problem, exact, assembler, output, flat: &flat)
            return .success((holes, 0))
        }
        guard let iterative else { preconditionFailure("one solver is always given") }
        switch iterative.solve(first: first, width: width, lanes: V.self, tolerance: tolerance, maxSweeps: maxSweeps) {
        case .failure(let error): return .failure(error)
        case .success(let solved):
            let holes = assembler.write(
                iterative.problem, first: first, width: width, mixes: solved.mixes, rowOf: iterative.position, into: output)
            return .success((holes, solved.sweeps))
        }
    }

    /// The exact method for columns `first ..< first + width`: solves the factored system into `flat`
    /// and writes the shares into `output`; returns how many came out ≤ 0. Shared by one-shot traces
    /// and ``FundsTraceWorkspace``.
    static func solveExactGroup<V: SIMD>(
        first: Int,
        width: Int,
        _: V.Type,
        _ problem: FundsTraceProblem,
        _ exact: DenseLUMixSolver,
        _ assembler: RevenueMixAssembler,
        _ output: MixOutput,
        flat: inout [Double]
    ) -> Int where V.Scalar == Double {
        exact.solve(problem, first: first, width: width, stride: V.scalarCount, into: &flat)
        // No mixing node: no row is read, but the buffer needs an address.
        if flat.isEmpty { flat.append(contentsOf: repeatElement(0, count: V.scalarCount)) }
        return flat.withUnsafeBufferPointer { padded in
            assembler.write(problem, first: first, width: width, lanes: V.self, padded: padded, into: output)
        }
    }

    /// Node `node`'s revenue mix: positive shares by ascending label; empty when it had no inflow.
    public func revenueMix(of node: Int) -> [Share] {
        (mixStart[node]..<mixStart[node + 1]).map { Share(label: Int(mixLabel[$0]), share: mixShare[$0]) }
    }

    /// The share of `node`'s inflows that traces to `label`; 0 when none does or `node` had no inflow. O(log entries).
    public func share(of node: Int, from label: Int) -> Double {
        var low = mixStart[node]
        var high = mixStart[node + 1]
        let target = Int32(truncatingIfNeeded: label)
        while low < high {
            let middle = (low + high) / 2
            let value = mixLabel[middle]
            if value == target { return mixShare[middle] }
            if value < target { low = middle + 1 } else { high = middle }
        }
        return 0
    }

    /// The share of `node`'s inflows labelled with `node` itself (money that left it and came back); 0 without inflow or own label.
    public func roundTripShare(of node: Int) -> Double {
        share(of: node, from: node)
    }

    /// The round-trip share of every node.
    public func roundTripShares() -> [Double] {
        (0..<nodeCount).map(roundTripShare(of:))
    }
}

/// How many of one column group's shares came out ≤ 0 (dropped at the end) and the sweeps it took, or why it failed.
typealias MixGroupOutcome = Result<(holes: Int, sweeps: Int), FundsTraceError>

/// Per-group outcomes written by the workers of `FundsTrace.solveGroups`, each slot by exactly one worker.
private final class OutcomeSlots: @unchecked Sendable {
    private let base: UnsafeMutableBufferPointer<MixGroupOutcome?>

    init(count: Int) {
        base = .allocate(capacity: count)
        base.initialize(repeating: nil)
    }

    deinit { base.deinitialize().deallocate() }

    func store(_ index: Int, _ outcome: MixGroupOutcome) {
        base[index] = outcome
    }

    func take() -> [MixGroupOutcome] {
        base.map { $0! }
    }
}
