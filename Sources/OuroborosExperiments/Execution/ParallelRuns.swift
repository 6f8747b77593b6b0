import Foundation

/// Runs many independent evaluations on `threads` workers with Swift structured concurrency: a
/// task group with one worker per thread, each worker taking the next run index from a shared
/// queue (one lock per run to claim it, none inside the run) and keeping its results to itself
/// until the group joins. Results are keyed by run index, so what they are does not depend on
/// which worker computed them or in which order.
public enum ParallelRuns {
    /// Evaluates `body` at every index of `indices` (stopping early when `cancellation` is set) and
    /// returns the results by index; `onCompleted` sees each result as it is made, from the worker's thread.
    public static func map<Worker, Output: Sendable>(
        _ indices: [Int],
        threads: Int,
        cancellation: CancellationFlag? = nil,
        onCompleted: (@Sendable (Int, Output) -> Void)? = nil,
        makeWorker: @escaping @Sendable () -> Worker,
        body: @escaping @Sendable (inout Worker, Int) -> Output
    ) async -> [Int: Output] {
        let queue = IndexQueue(indices)
        let workers = max(1, min(threads, indices.count))
        return await withTaskGroup(of: [(Int, Output)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var worker = makeWorker()
                    var done: [(Int, Output)] = []
                    while cancellation?.isCancelled != true, let index = queue.next() {
                        let output = body(&worker, index)
                        done.append((index, output))
                        onCompleted?(index, output)
                    }
                    return done
                }
            }
            var results: [Int: Output] = [:]
            results.reserveCapacity(indices.count)
            for await part in group {
                for (index, output) in part { results[index] = output }
            }
            return results
        }
    }

    /// `map` without per-worker state.
    public static func map<Output: Sendable>(
        _ indices: [Int], threads: Int, cancellation: CancellationFlag? = nil,
        onCompleted: (@Sendable (Int, Output) -> Void)? = nil,
        body: @escaping @Sendable (Int) -> Output
    ) async -> [Int: Output] {
        await map(
            indices, threads: threads, cancellation: cancellation, onCompleted: onCompleted,
            makeWorker: { () }, body: { _, index in body(index) })
    }

    /// The number of threads to use by default: the active processors.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The run indices still to hand out.
private final class IndexQueue: @unchecked Sendable {
    private let indices: [Int]
    private var position = 0
    private let lock = NSLock()

    init(_ indices: [Int]) { self.indices = indices }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < indices.count else { return nil }
        position += 1
        return indices[position - 1]
    }
}
