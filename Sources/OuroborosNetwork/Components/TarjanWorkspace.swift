/// A set of nodes that a restricted traversal may enter.
protocol NodeFilter {
    /// True when `node` belongs to the set.
    func contains(_ node: Int) -> Bool
}

/// Every node of the graph.
struct AllNodes: NodeFilter {
    @inline(__always) func contains(_ node: Int) -> Bool { true }
}

/// The nodes whose stamp equals `value` (a subset marked without clearing between uses).
struct StampedNodes: NodeFilter {
    let stamp: UnsafeMutablePointer<Int32>
    let value: Int32
    @inline(__always) func contains(_ node: Int) -> Bool { stamp[node] == value }
}

/// Scratch memory for iterative Tarjan (explicit call stack, no recursion), reusable across runs on node subsets.
///
/// `index[v]` is -1 before `v` is visited, its discovery number while `v` is on the Tarjan stack,
/// and `Int32.max` once its component is emitted, so the single test `index[w] < low[v]` updates
/// the low-link for on-stack targets and ignores finished ones (no separate on-stack flags).
final class TarjanWorkspace {
    private let capacity: Int
    private let index: UnsafeMutablePointer<Int32>
    private let low: UnsafeMutablePointer<Int32>
    private let cursor: UnsafeMutablePointer<Int>
    private let stack: UnsafeMutablePointer<Int32>
    private let call: UnsafeMutablePointer<Int32>

    /// Workspace for graphs of up to `nodeCount` nodes, every node unvisited.
    init(nodeCount: Int) {
        capacity = max(nodeCount, 1)
        index = .allocate(capacity: capacity)
        index.initialize(repeating: -1, count: capacity)
        low = .allocate(capacity: capacity)
        low.initialize(repeating: 0, count: capacity)
        cursor = .allocate(capacity: capacity)
        cursor.initialize(repeating: 0, count: capacity)
        stack = .allocate(capacity: capacity)
        stack.initialize(repeating: 0, count: capacity)
        call = .allocate(capacity: capacity)
        call.initialize(repeating: 0, count: capacity)
    }

    deinit {
        index.deallocate()
        low.deallocate()
        cursor.deallocate()
        stack.deallocate()
        call.deallocate()
    }

    /// Runs Tarjan from each unvisited root in `filter`, following only edges into `filter`; emits each component (its nodes in stack order) as it
    /// completes, i.e. in reverse topological order.
    func run<Filter: NodeFilter>(
        rowStart: UnsafeBufferPointer<Int>,
        column: UnsafeBufferPointer<Int32>,
        roots: some Sequence<Int>,
        filter: Filter,
        emit: (UnsafeBufferPointer<Int32>) -> Void
    ) {
        let index = self.index
        let low = self.low
        let cursor = self.cursor
        let stack = self.stack
        let call = self.call
        var counter: Int32 = 0
        var stackTop = 0
        var callTop = 0
        for root in roots where filter.contains(root) && index[root] == -1 {
            index[root] = counter
            low[root] = counter
            counter += 1
            cursor[root] = rowStart[root]
            stack[stackTop] = Int32(truncatingIfNeeded: root)
            stackTop += 1
            call[callTop] = Int32(truncatingIfNeeded: root)
            callTop += 1

            while callTop > 0 {
                let v = Int(call[callTop - 1])
                var e = cursor[v]
                let end = rowStart[v + 1]
                var lowV = low[v]
                var child = -1
                while e < end {
                    let w = Int(column[e])
                    e += 1
                    guard filter.contains(w) else { continue }
                    let indexW = index[w]
                    if indexW == -1 {
                        child = w
                        break
                    }
                    if indexW < lowV { lowV = indexW }
                }
                low[v] = lowV
                if child >= 0 {
                    cursor[v] = e
                    index[child] = counter
                    low[child] = counter
                    counter += 1
                    cursor[child] = rowStart[child]
                    stack[stackTop] = Int32(truncatingIfNeeded: child)
                    stackTop += 1
                    call[callTop] = Int32(truncatingIfNeeded: child)
                    callTop += 1
                    continue
                }
                // v is finished: hand its low-link to the parent, and close a component at its root.
                callTop -= 1
                if callTop > 0 {
                    let parent = Int(call[callTop - 1])
                    if lowV < low[parent] { low[parent] = lowV }
                }
                if lowV == index[v] {
                    let top = stackTop
                    var bottom = top - 1
                    while Int(stack[bottom]) != v { bottom -= 1 }
                    for position in bottom..<top { index[Int(stack[position])] = Int32.max }
                    emit(UnsafeBufferPointer(start: stack + bottom, count: top - bottom))
                    stackTop = bottom
                }
            }
        }
    }

    /// Marks `nodes` unvisited again so the next run may enter them.
    func reset(_ nodes: some Sequence<Int32>) {
        for node in nodes { index[Int(node)] = -1 }
    }
}
