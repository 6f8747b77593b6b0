/// How one simultaneous block is solved: a few tear variables are guessed, the rest of the block
/// follows from them in order, and the tear equations give the residuals.
struct TornBlock: Sendable, Equatable {
    /// The non-tear equations in an order where each reads only tears and earlier equations.
    var sequence: [Int]
    /// The tear equations, ascending: removing them leaves the block without cycles.
    var tears: [Int]
}

extension DependencyGraph {
    /// Splits the cyclic component `block` into tears and an acyclic evaluation sequence.
    ///
    /// The tears are a greedy feedback vertex set: repeatedly drop nodes that lie on no cycle
    /// (no remaining predecessor or no remaining successor), then tear the node with the largest
    /// `in-degree × out-degree` (self-loops first; ties go to the earlier equation).
    func tear(_ block: [Int]) -> TornBlock {
        let local = Dictionary(uniqueKeysWithValues: block.enumerated().map { ($1, $0) })
        let inside: [[Int]] = block.map { node in self.successors[node].compactMap { local[$0] } }
        var predecessors = [[Int]](repeating: [], count: block.count)
        for (node, targets) in inside.enumerated() {
            for target in targets { predecessors[target].append(node) }
        }

        var remaining = [Bool](repeating: true, count: block.count)
        var inDegree = predecessors.map(\.count)
        var outDegree = inside.map(\.count)
        var queue = (0..<block.count).filter { inDegree[$0] == 0 || outDegree[$0] == 0 }
        var remainingCount = block.count
        var tears: [Int] = []

        /// Removes `node` and queues neighbours that thereby leave every cycle.
        func remove(_ node: Int) {
            remaining[node] = false
            remainingCount -= 1
            for target in inside[node] where remaining[target] {
                inDegree[target] -= 1
                if inDegree[target] == 0 { queue.append(target) }
            }
            for source in predecessors[node] where remaining[source] {
                outDegree[source] -= 1
                if outDegree[source] == 0 { queue.append(source) }
            }
        }

        while true {
            while let node = queue.popLast() {
                if remaining[node] { remove(node) }
            }
            guard remainingCount > 0 else { break }
            var chosen = -1
            var best = -1
            for node in 0..<block.count where remaining[node] {
                let score = inside[node].contains(node) ? Int.max : inDegree[node] * outDegree[node]
                if score > best {
                    best = score
                    chosen = node
                }
            }
            tears.append(chosen)
            remove(chosen)
        }

        let isTear = Set(tears)
        let sequence = Self.topologicalOrder((0..<block.count).filter { !isTear.contains($0) }, successors: inside)
        return TornBlock(sequence: sequence.map { block[$0] }, tears: tears.map { block[$0] }.sorted())
    }

    /// `nodes` ordered so that each comes after the nodes (in `nodes`) it depends on.
    ///
    /// Kahn's algorithm; `nodes` must induce an acyclic graph. Ready nodes go in ascending order.
    private static func topologicalOrder(_ nodes: [Int], successors: [[Int]]) -> [Int] {
        let included = Set(nodes)
        var pending = [Int: Int]()
        var dependents = [Int: [Int]]()
        for node in nodes {
            let dependencies = successors[node].filter { included.contains($0) && $0 != node }
            pending[node] = dependencies.count
            for dependency in dependencies { dependents[dependency, default: []].append(node) }
        }
        var ready = nodes.filter { pending[$0] == 0 }
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        var head = 0
        while head < ready.count {
            let node = ready[head]
            head += 1
            order.append(node)
            for dependent in dependents[node, default: []] {
                pending[dependent]! -= 1
                if pending[dependent] == 0 { ready.append(dependent) }
            }
        }
        return order
    }
}
