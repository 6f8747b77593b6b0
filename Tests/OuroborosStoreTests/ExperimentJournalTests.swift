import Foundation
import GRDB
import OuroborosStore
import Testing

/// The experiment journal: completed sub-runs kept as they finish, never duplicated, resumable.
@Suite("Experiment journal")
struct ExperimentJournalTests {
    struct Outcome: Codable, Equatable {
        var broke: Bool
        var breakPeriod: Int?
        var endPrice: Double
    }

    static func outcome(_ i: Int) -> Outcome { Outcome(broke: i % 3 == 0, breakPeriod: i % 3 == 0 ? 20 + i % 7 : nil, endPrice: Double(i) / 8) }

    @Test("an experiment closed without finishing reopens with exactly its committed runs; appending again never duplicates")
    func unfinishedExperiment() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let experiment = try store.beginExperiment(
            StoreFixtures.start(.monteCarlo), plannedRuns: 100,
            definitionJSON: #"{"runs": 100, "seed": 7, "threads": 2}"#)
        try store.appendRuns([(0, Data("a".utf8)), (5, Data("b".utf8))], to: experiment)
        try store.appendRuns([(7, Data("c".utf8))], to: experiment)
        try store.close()  // the process stops here: no finish

        let reopened = try RunStore(path: path)
        let record = try reopened.run(experiment)
        #expect(record.status == .running)
        #expect(record.plannedRuns == 100)
        #expect(record.completedRuns == 3)
        let completed = try reopened.completedRuns(of: experiment)
        #expect(completed.map(\.index) == [0, 5, 7])
        #expect(completed.map { String(decoding: $0.payload, as: UTF8.self) } == ["a", "b", "c"])

        try reopened.appendRuns([(5, Data("B".utf8)), (7, Data("C".utf8)), (8, Data("d".utf8))], to: experiment)
        let after = try reopened.completedRuns(of: experiment)
        #expect(after.map(\.index) == [0, 5, 7, 8])
        #expect(after.map { String(decoding: $0.payload, as: UTF8.self) } == ["a", "b", "c", "d"])  // the first write stays
        let rows = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM experiment_run") }
        #expect(rows == 4)
    }

    @Test("the batching journal commits runs recorded from many tasks at once, each exactly once")
    func batchingJournal() async throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let experiment = try store.beginExperiment(StoreFixtures.start(.monteCarlo), plannedRuns: 1000, definitionJSON: "{}")
        let journal = ExperimentJournal(store: store, experiment: experiment, batchSize: 50)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for i in stride(from: worker, to: 1000, by: 4) { journal.record(index: i, outcome: Self.outcome(i)) }
                }
            }
        }
        let summary = RunSummary(headline: "P(break) = 0.334", json: #"{"break_probability": 0.334}"#)
        try journal.finish(status: .finished, summary: summary)
        #expect(journal.committedCount == 1000)
        let outcomes = try store.completedOutcomes(of: experiment, as: Outcome.self)
        #expect(outcomes.count == 1000)
        #expect(outcomes.keys.sorted() == Array(0..<1000))
        #expect(outcomes[999] == Self.outcome(999))
        let record = try store.run(experiment)
        #expect(record.status == .finished)
        #expect(record.summary?.headline == "P(break) = 0.334")
    }

    @Test("a run recorded and not followed by more is committed by the timer, without a flush")
    func timerCommits() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let experiment = try store.beginExperiment(StoreFixtures.start(.monteCarlo), plannedRuns: 10, definitionJSON: "{}")
        let journal = ExperimentJournal(store: store, experiment: experiment, batchSize: 64, interval: 0.05)
        journal.record(index: 3, outcome: Self.outcome(3))
        journal.record(index: 4, outcome: Self.outcome(4))
        let observer = try RunStore(path: path)  // another connection, as another process would read
        var seen: [Int] = []
        for _ in 0..<200 where seen.count < 2 {  // at most 10 s; the timer fires every 50 ms
            Thread.sleep(forTimeInterval: 0.05)
            seen = try observer.completedRuns(of: experiment).map(\.index)
        }
        #expect(seen == [3, 4])
        try journal.finish(status: .interrupted, summary: nil)
        #expect(try observer.run(experiment).status == .interrupted)
    }

    @Test("resume: an interrupted or orphaned experiment resumes with its definition and journal; a finished or live one does not")
    func resume() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let definition = #"{"runs": 10, "seed": 42, "shocks": ["rate:+300bp@2026-01"]}"#
        let experiment = try store.beginExperiment(
            StoreFixtures.start(.monteCarlo, text: "kind: network\nname: mc\n", seed: 42),
            plannedRuns: 10, definitionJSON: definition)
        try store.appendRuns([(1, Data("{}".utf8)), (2, Data("{}".utf8))], to: experiment)

        // still running in this (live) process
        #expect(throws: StoreError.self) { try store.resumeExperiment(experiment) }
        // killed: its process is gone
        try StoreFixtures.tamper(path, "UPDATE run SET process_id = ? WHERE id = ?", [try StoreFixtures.deadProcessID(), experiment.rawValue])
        let resumed = try store.resumeExperiment(experiment)
        #expect(resumed.definition.definitionJSON == definition)
        #expect(resumed.definition.scenarioText == "kind: network\nname: mc\n")
        #expect(resumed.definition.plannedRuns == 10)
        #expect(resumed.definition.record.seed == 42)
        #expect(resumed.definition.record.kind == .monteCarlo)
        #expect(resumed.definition.record.processID == getpid())
        #expect(resumed.definition.record.status == .running)
        #expect(resumed.completed.map(\.index) == [1, 2])

        try store.finishExperiment(experiment, status: .interrupted, summary: nil)
        #expect(try store.resumeExperiment(experiment).completed.count == 2)  // interrupted resumes
        try store.finishExperiment(experiment, status: .finished, summary: RunSummary(headline: "done", json: "{}"))
        let finished = #expect(throws: StoreError.self) { try store.resumeExperiment(experiment) }
        #expect(finished?.description.contains("finished") == true)
        #expect(finished?.isUsageError == true)
    }

    @Test("journal misuse: an index outside the plan, a run that is no experiment, an unknown id")
    func misuse() throws {
        let path = try StoreFixtures.storePath()
        let store = try RunStore(path: path)
        let experiment = try store.beginExperiment(StoreFixtures.start(.monteCarlo), plannedRuns: 3, definitionJSON: "{}")
        #expect(throws: StoreError.self) { try store.appendRuns([(3, Data())], to: experiment) }
        #expect(throws: StoreError.self) { try store.appendRuns([(-1, Data())], to: experiment) }
        let single = try store.begin(StoreFixtures.start())
        #expect(throws: StoreError.notAnExperiment(single, path: path)) { try store.appendRuns([(0, Data())], to: single) }
        #expect(throws: StoreError.notAnExperiment(single, path: path)) { try store.resumeExperiment(single) }
        #expect(throws: StoreError.unknownRun(RunID(rawValue: 77), path: path)) { try store.completedRuns(of: RunID(rawValue: 77)) }
        #expect(throws: StoreError.self) { try store.beginExperiment(StoreFixtures.start(.monteCarlo), plannedRuns: 3, definitionJSON: "{not json") }
    }

    @Test("an experiment's JSON export embeds its definition and journalled outcomes")
    func experimentExport() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let experiment = try store.beginExperiment(StoreFixtures.start(.monteCarlo), plannedRuns: 4, definitionJSON: #"{"runs": 4}"#)
        let encoder = JSONEncoder()
        try store.appendRuns(try [0, 2].map { ($0, try encoder.encode(Self.outcome($0))) } + [(3, Data([0xff, 0x00]))], to: experiment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try store.exportJSON(of: experiment).utf8)) as? [String: Any])
        #expect(object["planned_runs"] as? Int == 4)
        #expect(object["completed_runs"] as? Int == 3)
        #expect((object["definition"] as? [String: Any])?["runs"] as? Int == 4)
        let runs = try #require(object["runs"] as? [[String: Any]])
        #expect(runs.map { $0["index"] as? Int } == [0, 2, 3])
        #expect((runs[1]["payload"] as? [String: Any])?["endPrice"] as? Double == 0.25)
        #expect(runs[2]["payload_base64"] as? String == "/wA=")
        #expect(throws: StoreError.self) { try store.exportCSV(of: experiment) }
    }
}
