/// Which equations read which other equations' variables in the same period.
///
/// Node `i` is equation `i`; an edge `i → j` means equation `i` reads the current-period value of
/// the variable equation `j` defines (lagged reads are known values and make no edge).
struct DependencyGraph: Sendable {
    /// `successors[i]`: the equations `i` depends on, each once, in ascending order.
    var successors: [[Int]]

    /// The number of equations.
    var count: Int { successors.count }

    /// Whether equation `node` reads its own variable in the same period.
    func hasSelfLoop(_ node: Int) -> Bool {
        successors[node].contains(node)
    }

    /// The strongly connected components in evaluation order: every component comes after all the
    /// components it depends on. Nodes inside a component are in ascending order.
    ///
    /// Tarjan's algorithm with an explicit stack, so that long dependency chains cannot overflow
    /// the call stack.
    func stronglyConnectedComponents() -> [[Int]] {
        let unvisited = -1
        var index = [Int](repeating: unvisited, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        /// (node, position of the next successor to visit)
        var frames: [(node: Int, edge: Int)] = []

        for root in 0..<count where index[root] == unvisited {
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            frames.append((root, 0))

            while let frame = frames.last {
                let node = frame.node
                if frame.edge < successors[node].count {
                    frames[frames.count - 1].edge += 1
                    let next = successors[node][frame.edge]
                    if index[next] == unvisited {
                        index[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        frames.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.node] = min(lowLink[parent.node], lowLink[node])
                }
                guard lowLink[node] == index[node] else { continue }
                var component: [Int] = []
                while true {
                    let member = stack.removeLast()
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                components.append(component.sorted())
            }
        }
        return components
    }
}
