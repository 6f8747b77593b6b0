import Dispatch
public import Foundation

/// Writes an experiment's completed sub-runs to the store as they finish, in small batches.
///
/// Worker tasks call `record(index:payload:)` (or `record(index:outcome:)`) as each sub-run
/// completes; it only appends to a buffer under a lock. A serial queue commits the buffer when
/// it holds `batchSize` runs and otherwise every `interval`, so a killed process loses at most
/// the runs of the last fraction of a second, and the store sees a few commits a second however
/// fast the runs are. `flush()` commits now; `finish(...)` commits, stops the timer and records
/// the experiment's end. Call `finish(status: .interrupted, ...)` from the Ctrl-C path.
///
/// A failed commit keeps its runs in the buffer and is retried at the next flush; the error is
/// thrown by the next `flush()` or `finish(...)` that cannot commit everything.
///
/// An experiment command glues it as follows (`Outcome` being its `Codable` per-run result):
///
/// ```swift
/// let store = try RunStore(path: path)
/// let id: RunID
/// var done: [Int: Outcome] = [:]
/// if let resume {                                   // --resume RUN_ID
///     let (definition, _) = try store.resumeExperiment(resume)
///     // rebuild the experiment from definition.definitionJSON and definition.scenarioText
///     id = resume
///     done = try store.completedOutcomes(of: id, as: Outcome.self)
/// } else {
///     id = try store.beginExperiment(start, plannedRuns: runs, definitionJSON: definition)
/// }
/// let journal = ExperimentJournal(store: store, experiment: id)
/// let result = try experiment.run(skipping: done) { index, outcome in journal.record(index: index, outcome: outcome) }
/// try journal.finish(status: interrupted ? .interrupted : .finished, summary: summary)
/// ```
public final class ExperimentJournal: @unchecked Sendable {
    /// The store written to.
    public let store: RunStore
    /// The experiment's id.
    public let experiment: RunID
    /// A batch is committed as soon as it holds this many runs.
    public let batchSize: Int
    /// Pending runs are committed at least this often (seconds).
    public let interval: Double

    // Guarded by `lock`.
    private let lock = NSLock()
    private var pending: [(index: Int, payload: Data)] = []
    private var flushScheduled = false
    private var commitError: StoreError?  // the last failed commit; cleared when its runs commit
    private var encodingError: StoreError?  // a run that could not be encoded: never in the store
    private var committed = 0

    private let queue = DispatchQueue(label: "ouroboros.store.journal")
    private let timer: any DispatchSourceTimer

    /// Starts journalling `experiment` (begun with `RunStore.beginExperiment` or resumed with
    /// `RunStore.resumeExperiment`).
    public init(store: RunStore, experiment: RunID, batchSize: Int = 64, interval: Double = 0.2) {
        self.store = store
        self.experiment = experiment
        self.batchSize = max(1, batchSize)
        self.interval = interval
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(20))
        timer.setEventHandler { [weak self] in self?.commitPending() }
        timer.resume()
    }

    deinit {
        timer.cancel()
        commitPending()  // best effort: a journal dropped without `finish` still commits what it holds
    }

    /// Queues one completed sub-run; safe to call from any thread or task, never blocks on the database.
    public func record(index: Int, payload: Data) {
        lock.lock()
        pending.append((index, payload))
        let kick = pending.count >= batchSize && !flushScheduled
        if kick { flushScheduled = true }
        lock.unlock()
        if kick { queue.async { self.commitPending() } }
    }

    /// Queues one completed sub-run's outcome, encoded as JSON with sorted keys.
    public func record<Outcome: Encodable>(index: Int, outcome: Outcome) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            record(index: index, payload: try encoder.encode(outcome))
        } catch {
            lock.lock()
            encodingError =
                encodingError ?? .invalidRecord(path: store.path, reason: "run \(index) of experiment \(experiment) cannot be encoded: \(error)")
            lock.unlock()
        }
    }

    /// Commits every queued run now.
    public func flush() throws(StoreError) {
        queue.sync { commitPending() }
        lock.lock()
        let failure = encodingError ?? commitError
        lock.unlock()
        if let failure { throw failure }
    }

    /// The number of runs committed by this journal so far.
    public var committedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return committed
    }

    /// Commits every queued run, stops the timer and records the experiment's end.
    public func finish(status: RunStatus, summary: RunSummary?, series: RunSeries? = nil, error: String? = nil) throws(StoreError) {
        timer.cancel()
        try flush()
        try store.finishExperiment(experiment, status: status, summary: summary, series: series, error: error)
    }

    /// On the queue: takes the buffer and commits it in one transaction; on failure puts it back.
    private func commitPending() {
        lock.lock()
        let batch = pending
        pending = []
        flushScheduled = false
        lock.unlock()
        guard !batch.isEmpty else { return }
        do {
            try store.appendRuns(batch, to: experiment)
            lock.lock()
            committed += batch.count
            commitError = nil
            lock.unlock()
        } catch {
            lock.lock()
            pending = batch + pending
            commitError = error
            lock.unlock()
        }
    }
}

extension RunStore {
    /// The journalled outcomes of an experiment decoded from JSON, by run index: what a resumed
    /// experiment skips.
    public func completedOutcomes<Outcome: Decodable>(of experiment: RunID, as type: Outcome.Type) throws(StoreError) -> [Int: Outcome] {
        var outcomes: [Int: Outcome] = [:]
        let decoder = JSONDecoder()
        for run in try completedRuns(of: experiment) {
            do {
                outcomes[run.index] = try decoder.decode(type, from: run.payload)
            } catch {
                throw .invalidRecord(path: path, reason: "run \(run.index) of experiment \(experiment) does not decode as \(type): \(error)")
            }
        }
        return outcomes
    }
}
