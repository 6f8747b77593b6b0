/// The enumeration engine behind ``ElementaryCycles`` without a bound or with one above
/// ``ShortCycleSearch/longestBound``: Johnson's algorithm (blocked flags and B-lists)
/// when no length bound can bind, Gupta–Suzumura's lock/blen variant when one can; both iterative,
/// run start node by start node, start nodes ascending.
///
/// Work is organised in pieces (strongly connected node sets) kept in a min-heap keyed by the next
/// start node, so start nodes come out in ascending order overall. A start enumerates the cycles whose
/// smallest node it is (DFS inside the piece, targets ascending, so they come out lexicographically).
/// - A Johnson piece (no bound, or a bound at least its size) is searched from its smallest node,
///   which is then removed; the non-trivial components of the rest are pushed as new pieces. Only
///   the piece holding the start can split, so every other piece stays valid.
/// - A bounded piece (a bound below its size) tries its members as starts in ascending order, each
///   removed after its turn, so a start costs only the neighbourhood its bounded DFS reaches. It is
///   re-split into components only once the search work since its last split exceeds 32 times its
///   size, so splitting stays amortised against search work (a long cycle with a bound just below its length
///   costs O(n + m), not O(n²); a giant component with a small bound is never re-decomposed).
///
/// Per-start state (blocked flags, locks, B-list heads) is initialised lazily on first touch, and
/// only touched nodes are cleaned afterwards.
///
/// Length-bounded rule (as networkx implements Gupta–Suzumura): a node entered at path length d
/// gets `lock = d + 1` (it may be re-entered only at a shorter prefix); a node whose subtree closed
/// a cycle hands its parent its own distance `blen` (not `blen + 1`) and has its lock raised to
/// `bound − blen + 1`, then the raise propagates through B-lists. The under-estimate keeps locks
/// conservative: the paper's exact distances can lock a node whose shorter route was only blocked
/// by the current path, and then miss a cycle (see the regression test with `[0, 7, 3, 5, 4, 6]`).
/// The price is weaker pruning on adversarial graphs whose cycles are all just over the bound.
///
/// Set semantics of the B-lists use the edge identity: `v` is in `B(w)` exactly when the edge
/// `v → w` is flagged in `inB`, so membership tests are O(1) and no duplicates are stored.
final class CycleSearch {
    private let n: Int
    private let rows: UnsafeBufferPointer<Int>
    private let columns: UnsafeBufferPointer<Int32>
    private let weights: UnsafeBufferPointer<Double>
    private let maxLength: Int?
    private let limit: Int?

    // Per-node state, sized n. `stamp` marks the current piece; the rest is valid only where
    // `touchSerial` equals the current start's serial (lazy initialisation).
    private let stamp: UnsafeMutablePointer<Int32>
    private let touchSerial: UnsafeMutablePointer<Int32>
    private let blocked: UnsafeMutablePointer<Bool>
    private let lock: UnsafeMutablePointer<Int>
    private let onPath: UnsafeMutablePointer<Bool>
    private let bHead: UnsafeMutablePointer<Int32>
    // Per-edge B-list membership flag, sized m.
    private let inB: UnsafeMutablePointer<Bool>
    // DFS stacks, sized n + 1 (an elementary path has at most n nodes).
    private let path: UnsafeMutablePointer<Int32>
    private let cursor: UnsafeMutablePointer<Int>
    private let blen: UnsafeMutablePointer<Int>
    private let pathMinimum: UnsafeMutablePointer<Double>

    // B-list entries as a linked pool with a free list. An edge is in at most one B-list at a time
    // (its `inB` flag), so at most m entries are ever live and the pool never outgrows m slots;
    // the slots are reserved up front (untouched pages cost no memory) and never reallocated.
    private let entryNode: UnsafeMutablePointer<Int32>
    private let entryEdge: UnsafeMutablePointer<Int>
    private let entryNext: UnsafeMutablePointer<Int32>
    private var entryCount = 0
    private var freeEntry: Int32 = -1
    // Work stacks for unblocking (nodes) and relaxing (node, distance) pairs.
    private var workNode: [Int] = []
    private var workDistance: [Int] = []

    /// A bounded piece is re-split once its search work exceeds this multiple of its size: a
    /// decomposition touches the whole piece with random access, a bounded DFS only a local
    /// neighbourhood, so splitting is kept rare (measured on a 1M-node, 10M-edge random graph).
    private static let splitWorkFactor = 32

    private let tarjan: TarjanWorkspace
    private var currentStamp: Int32 = 0
    private var lastStamp: Int32 = 0
    private var serial: Int32 = 0
    /// Nodes touched in the current start (at most n), and how many.
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    private var bound = 0
    /// Edges scanned by the current search (DFS steps and B-list insertions).
    private var searchWork = 0
    private var queue = PieceQueue()

    /// Cycles found so far: node lists concatenated, offsets, bottlenecks.
    private(set) var nodeStart: [Int] = [0]
    private(set) var nodeList: [Int32] = []
    private(set) var bottlenecks: [Double] = []
    /// False once the search stopped at `limit` with at least one more cycle left.
    private(set) var isComplete = true

    /// A search over the rows given (valid for this object's lifetime) with the given bounds.
    init(
        nodeCount: Int,
        rows: UnsafeBufferPointer<Int>,
        columns: UnsafeBufferPointer<Int32>,
        weights: UnsafeBufferPointer<Double>,
        maxLength: Int?,
        limit: Int?
    ) {
        n = nodeCount
        self.rows = rows
        self.columns = columns
        self.weights = weights
        self.maxLength = maxLength
        self.limit = limit
        bound = maxLength ?? 0
        let nodes = max(nodeCount, 1)
        let edges = max(columns.count, 1)
        stamp = .allocate(capacity: nodes)
        stamp.initialize(repeating: 0, count: nodes)
        touchSerial = .allocate(capacity: nodes)
        touchSerial.initialize(repeating: 0, count: nodes)
        blocked = .allocate(capacity: nodes)
        blocked.initialize(repeating: false, count: nodes)
        lock = .allocate(capacity: nodes)
        lock.initialize(repeating: 0, count: nodes)
        onPath = .allocate(capacity: nodes)
        onPath.initialize(repeating: false, count: nodes)
        bHead = .allocate(capacity: nodes)
        bHead.initialize(repeating: -1, count: nodes)
        inB = .allocate(capacity: edges)
        inB.initialize(repeating: false, count: edges)
        entryNode = .allocate(capacity: edges)
        entryEdge = .allocate(capacity: edges)
        entryNext = .allocate(capacity: edges)
        touched = .allocate(capacity: nodes)
        path = .allocate(capacity: nodes + 1)
        path.initialize(repeating: 0, count: nodes + 1)
        cursor = .allocate(capacity: nodes + 1)
        cursor.initialize(repeating: 0, count: nodes + 1)
        blen = .allocate(capacity: nodes + 1)
        blen.initialize(repeating: 0, count: nodes + 1)
        pathMinimum = .allocate(capacity: nodes + 1)
        pathMinimum.initialize(repeating: 0, count: nodes + 1)
        tarjan = TarjanWorkspace(nodeCount: nodeCount)
    }

    deinit {
        stamp.deallocate()
        touchSerial.deallocate()
        blocked.deallocate()
        lock.deallocate()
        onPath.deallocate()
        bHead.deallocate()
        inB.deallocate()
        entryNode.deallocate()
        entryEdge.deallocate()
        entryNext.deallocate()
        touched.deallocate()
        path.deallocate()
        cursor.deallocate()
        blen.deallocate()
        pathMinimum.deallocate()
    }

    /// Enumerates every cycle (up to `limit`, of length up to `maxLength`) in the documented order.
    func run() {
        tarjan.run(rowStart: rows, column: columns, roots: 0..<n, filter: AllNodes()) { members in
            pushIfCyclic(members, mayBound: true)
        }
        tarjan.reset((0..<n).lazy.map { Int32(truncatingIfNeeded: $0) })

        while let (start, pieceIndex) = queue.popSmallest() {
            let s = Int(start)
            serial += 1
            touchedCount = 0
            if let position = queue[pieceIndex].nextStart {
                // Bounded piece: search from its next member, retire that member, requeue the rest.
                currentStamp = queue[pieceIndex].stamp
                searchWork = 0
                guard search(from: s, bounded: true) else { return }
                cleanTouched()
                stamp[s] = 0
                queue[pieceIndex].work += searchWork
                let members = queue[pieceIndex].members
                if position + 1 == members.count {
                    queue.release(pieceIndex)
                } else if queue[pieceIndex].work > Self.splitWorkFactor * queue[pieceIndex].size {
                    // Enough work to pay for a decomposition: re-split what is left.
                    queue.release(pieceIndex)
                    let rest = members[(position + 1)...]
                    let filter = StampedNodes(stamp: stamp, value: currentStamp)
                    tarjan.run(rowStart: rows, column: columns, roots: rest.lazy.map { Int($0) }, filter: filter) { sub in
                        pushIfCyclic(sub, mayBound: true)
                    }
                    tarjan.reset(rest)
                } else {
                    queue[pieceIndex].nextStart = position + 1
                    queue.requeue(pieceIndex, start: members[position + 1])
                }
                continue
            }
            // Johnson piece: search from its smallest node, remove it, split the rest.
            let members = queue[pieceIndex].members
            queue.release(pieceIndex)
            lastStamp += 1
            currentStamp = lastStamp
            for node in members { stamp[Int(node)] = currentStamp }
            guard search(from: s, bounded: false) else { return }
            cleanTouched()
            stamp[s] = 0
            let filter = StampedNodes(stamp: stamp, value: currentStamp)
            tarjan.run(rowStart: rows, column: columns, roots: members.lazy.map { Int($0) }, filter: filter) { sub in
                pushIfCyclic(sub, mayBound: false)
            }
            tarjan.reset(members)
        }
    }

    /// Prepares `node`'s per-start state on its first touch in this start.
    @inline(__always)
    private func touch(_ node: Int) {
        guard touchSerial[node] != serial else { return }
        touchSerial[node] = serial
        touched[touchedCount] = Int32(truncatingIfNeeded: node)
        touchedCount += 1
        blocked[node] = false
        onPath[node] = false
        lock[node] = bound
        bHead[node] = -1
    }

    /// Whether `node` is blocked in this start (untouched nodes are not).
    @inline(__always)
    private func isBlocked(_ node: Int) -> Bool {
        touchSerial[node] == serial && blocked[node]
    }

    /// `node`'s lock in this start (untouched nodes hold the bound).
    @inline(__always)
    private func lockOf(_ node: Int) -> Int {
        touchSerial[node] == serial ? lock[node] : bound
    }

    // MARK: The search from one start

    /// All cycles through `s` inside the current piece (of at most `bound` edges when `bounded`); false when
    /// the limit stopped the search.
    ///
    /// One DFS serves both rules; they differ in when a node may be entered and what leaving it does:
    /// - Johnson: a node may be entered unless blocked; entering blocks it; leaving a node whose subtree
    ///   closed a cycle unblocks it (and what waits on it), otherwise it joins its successors' B-lists.
    /// - Gupta–Suzumura: a node may be entered at path length d only if d < its lock; entering sets
    ///   lock = d + 1; leaving hands the parent the distance to s found below (`blen`) and relaxes locks
    ///   through the B-lists, or joins its successors' B-lists when no cycle closed below.
    /// `blen[d]` is the distance to s found below path node d (`notFound` if none): any finite value is
    /// Johnson's "found" flag.
    private func search(from s: Int, bounded: Bool) -> Bool {
        let notFound = Int.max / 2
        touch(s)
        if bounded {
            lock[s] = 0
            onPath[s] = true
        } else {
            blocked[s] = true
        }
        path[0] = Int32(truncatingIfNeeded: s)
        cursor[0] = rows[s]
        blen[0] = notFound
        pathMinimum[0] = .infinity
        var depth = 1
        while depth > 0 {
            let top = depth - 1
            let v = Int(path[top])
            var e = cursor[top]
            let end = rows[v + 1]
            var next = -1
            let scanFrom = e
            defer { searchWork += e - scanFrom }
            while e < end {
                let w = Int(columns[e])
                e += 1
                if stamp[w] != currentStamp { continue }
                if w == s {
                    if !emit(depth: depth, bottleneck: min(pathMinimum[top], weights[e - 1])) { return false }
                    blen[top] = 1
                } else if !bounded {
                    if !isBlocked(w) {
                        next = w
                        break
                    }
                } else if depth < lockOf(w) {
                    if depth + 1 < bound {
                        next = w
                        break
                    }
                    // w would fill the path: only an edge w → s can close a cycle, and entering w
                    // would leave its lock at the bound and its B-list entries without effect, so
                    // look the closing edge up in w's sorted row instead of scanning it.
                    if let closing = edgeIndex(from: w, to: s) {
                        path[depth] = Int32(truncatingIfNeeded: w)
                        let bottleneck = min(pathMinimum[top], weights[e - 1], weights[closing])
                        if !emit(depth: depth + 1, bottleneck: bottleneck) { return false }
                        blen[top] = 1
                    }
                }
            }
            if next >= 0 {
                cursor[top] = e
                touch(next)
                if bounded {
                    lock[next] = depth + 1
                    onPath[next] = true
                } else {
                    blocked[next] = true
                }
                path[depth] = Int32(truncatingIfNeeded: next)
                cursor[depth] = rows[next]
                blen[depth] = notFound
                pathMinimum[depth] = min(pathMinimum[top], weights[e - 1])
                depth += 1
                continue
            }
            depth -= 1
            let distance = blen[top]
            if top > 0, distance < blen[top - 1] { blen[top - 1] = distance }
            if bounded { onPath[v] = false }
            if distance == notFound {
                addToBLists(v)
            } else if bounded {
                relax(v, distance: distance)
            } else {
                unblock(v)
            }
        }
        return true
    }

    /// Johnson's UNBLOCK, iteratively: clears `blocked` for `u` and, transitively, for the nodes in its B-list.
    private func unblock(_ u: Int) {
        var stack: [Int] = []
        swap(&stack, &workNode)
        defer { swap(&stack, &workNode) }
        stack.removeAll(keepingCapacity: true)
        stack.append(u)
        while let x = stack.popLast() {
            guard isBlocked(x) else { continue }
            blocked[x] = false
            var entry = bHead[x]
            bHead[x] = -1
            while entry >= 0 {
                let index = Int(entry)
                let y = Int(entryNode[index])
                inB[entryEdge[index]] = false
                let following = entryNext[index]
                entryNext[index] = freeEntry
                freeEntry = entry
                if isBlocked(y) { stack.append(y) }
                entry = following
            }
        }
    }

    /// Position of the edge `from → to` in the sorted row of `from`, or nil.
    @inline(__always)
    private func edgeIndex(from: Int, to: Int) -> Int? {
        var low = rows[from]
        var high = rows[from + 1]
        let target = Int32(truncatingIfNeeded: to)
        while low < high {
            let middle = (low + high) >> 1
            let value = columns[middle]
            if value == target { return middle }
            if value < target { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Raises locks from `u` (which reaches s in `distance` edges) back through the B-lists, skipping nodes on the path.
    private func relax(_ u: Int, distance: Int) {
        var nodes: [Int] = []
        var distances: [Int] = []
        swap(&nodes, &workNode)
        swap(&distances, &workDistance)
        defer {
            swap(&nodes, &workNode)
            swap(&distances, &workDistance)
        }
        nodes.removeAll(keepingCapacity: true)
        distances.removeAll(keepingCapacity: true)
        nodes.append(u)
        distances.append(distance)
        while let x = nodes.popLast() {
            let d = distances.removeLast()
            let newLock = bound - d + 1
            touch(x)
            guard lock[x] < newLock else { continue }
            lock[x] = newLock
            var entry = bHead[x]
            while entry >= 0 {
                let index = Int(entry)
                let y = Int(entryNode[index])
                if !onPath[y] {
                    nodes.append(y)
                    distances.append(d + 1)
                }
                entry = entryNext[index]
            }
        }
    }

    // MARK: Shared bookkeeping

    /// Puts `v` on the B-list of each successor inside the piece (once per edge).
    private func addToBLists(_ v: Int) {
        let first = rows[v]
        let end = rows[v + 1]
        searchWork += end - first
        let source = Int32(truncatingIfNeeded: v)
        for e in first..<end {
            let w = Int(columns[e])
            guard stamp[w] == currentStamp, !inB[e] else { continue }
            touch(w)
            inB[e] = true
            let entry: Int32
            if freeEntry >= 0 {
                entry = freeEntry
                freeEntry = entryNext[Int(entry)]
            } else {
                entry = Int32(truncatingIfNeeded: entryCount)
                entryCount += 1
            }
            entryNode[Int(entry)] = source
            entryEdge[Int(entry)] = e
            entryNext[Int(entry)] = bHead[w]
            bHead[w] = entry
        }
    }

    /// Clears the B-list flags of every node touched in this start and empties the entry pool.
    private func cleanTouched() {
        for position in 0..<touchedCount {
            let node = touched[position]
            var entry = bHead[Int(node)]
            while entry >= 0 {
                inB[entryEdge[Int(entry)]] = false
                entry = entryNext[Int(entry)]
            }
            bHead[Int(node)] = -1
        }
        entryCount = 0
        freeEntry = -1
    }

    /// Records the cycle `path[0 ..< depth]`; false (and `isComplete = false`) when the limit is already reached.
    private func emit(depth: Int, bottleneck: Double) -> Bool {
        if let limit, bottlenecks.count >= limit {
            isComplete = false
            return false
        }
        nodeList.append(contentsOf: UnsafeBufferPointer(start: path, count: depth))
        nodeStart.append(nodeList.count)
        bottlenecks.append(bottleneck)
        return true
    }

    // MARK: Pieces

    /// Queues a strongly connected piece when it holds a cycle (several nodes, or a self-loop); as a bounded piece when `mayBound` and the length
    /// bound is below its size.
    private func pushIfCyclic(_ members: UnsafeBufferPointer<Int32>, mayBound: Bool) {
        if members.count == 1 {
            let v = Int(members[0])
            guard edgeIndex(from: v, to: v) != nil else { return }
        }
        var piece = PieceQueue.Piece(members: Array(members), nextStart: nil, stamp: 0, size: 0, work: 0)
        if mayBound, let maxLength, maxLength < members.count {
            piece.members.sort()
            piece.nextStart = 0
            lastStamp += 1
            piece.stamp = lastStamp
            var size = members.count
            for node in members {
                stamp[Int(node)] = lastStamp
                size += rows[Int(node) + 1] - rows[Int(node)]
            }
            piece.size = size
        }
        queue.push(piece)
    }
}
