/// The pieces (strongly connected node sets) waiting in a cycle search, handed out by their next start node, smallest first (a binary min-heap over
/// reusable slots).
struct PieceQueue {
    /// A strongly connected node set waiting for its next start.
    struct Piece {
        /// Members; ascending for a bounded piece.
        var members: [Int32]
        /// Bounded pieces: position of the next start in `members`; nil for a Johnson piece (its smallest member starts).
        var nextStart: Int?
        /// Bounded pieces: the stamp their members carry; Johnson pieces are re-stamped when popped.
        var stamp: Int32
        /// Bounded pieces: members plus their out-edges, the cost of re-splitting.
        var size: Int
        /// Bounded pieces: edges scanned by searches since the piece was formed.
        var work: Int
    }

    private var slots: [Piece] = []
    private var freeSlots: [Int] = []
    private var heap: [(start: Int32, slot: Int)] = []

    /// The piece in `slot`.
    subscript(slot: Int) -> Piece {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }

    /// Queues `piece` under its next start node (its smallest member, or `members[nextStart]`).
    mutating func push(_ piece: Piece) {
        let start = piece.nextStart.map { piece.members[$0] } ?? piece.members.min()!
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            slots[slot] = piece
        } else {
            slot = slots.count
            slots.append(piece)
        }
        requeue(slot, start: start)
    }

    /// Queues the piece already in `slot` again, under `start`.
    mutating func requeue(_ slot: Int, start: Int32) {
        heap.append((start, slot))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].start < heap[parent].start else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Frees `slot` (its piece is done or was split) for reuse.
    mutating func release(_ slot: Int) {
        slots[slot].members = []
        freeSlots.append(slot)
    }

    /// Removes and returns the queued piece with the smallest next start, or nil when none is left.
    mutating func popSmallest() -> (start: Int32, slot: Int)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                var child = left
                if left + 1 < heap.count, heap[left + 1].start < heap[left].start { child = left + 1 }
                guard heap[child].start < heap[parent].start else { break }
                heap.swapAt(child, parent)
                parent = child
            }
        }
        return first
    }
}
