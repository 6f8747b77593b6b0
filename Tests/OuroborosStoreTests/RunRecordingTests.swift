import Foundation
import OuroborosExperiments
import OuroborosStore
import Testing

/// The begin / fail / finish sequence every recorded command goes through.
@Suite("Run recording")
struct RunRecordingTests {
    @Test("a finished run keeps its command line, seed, summary and series")
    func finished() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let recording = RunRecording(store: store, commandLine: ["ouroboros", "run", "sim"], toolVersion: "0.1.0-test")
        try recording.begin(.equations, name: "SIM", scenario: ScenarioReference("sim"), seed: nil)
        let id = try #require(recording.id)
        #expect(try store.run(id).reportedStatus == .running)
        try recording.finish(summary: StoreFixtures.summary, series: StoreFixtures.series)
        let record = try store.run(id)
        #expect(record.reportedStatus == .finished)
        #expect(record.commandLine == ["ouroboros", "run", "sim"])
        #expect(record.toolVersion == "0.1.0-test")
        #expect(try store.scenarioText(of: id) == ScenarioReference("sim").text)
        #expect(try store.series(of: id) == StoreFixtures.series)
    }

    @Test("a run that throws is recorded as failed with its error, and the error goes on")
    func failed() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "no cash" } }
        let store = try RunStore(path: try StoreFixtures.storePath())
        let recording = RunRecording(store: store, commandLine: ["ouroboros"], toolVersion: "0.1.0-test")
        try recording.begin(.network, name: "toy", scenarioText: "kind: network\n", seed: 7)
        #expect(throws: Broken.self) { try recording.failing { throw Broken() } }
        let record = try store.run(try #require(recording.id))
        #expect(record.reportedStatus == .failed)
        #expect(record.error == "no cash")
    }

    @Test("several scenarios are stored as one YAML stream; without a store nothing is recorded")
    func streamAndNoStore() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let recording = RunRecording(store: store, commandLine: ["ouroboros"], toolVersion: "0.1.0-test")
        try recording.begin(.comparison, name: "sim vs pc", scenarios: [ScenarioReference("sim"), ScenarioReference("pc")], seed: nil)
        let text = try store.scenarioText(of: try #require(recording.id))
        #expect(text.hasPrefix("--- # sim\n") && text.contains("\n--- # pc\n"))
        let none = RunRecording(store: nil, commandLine: ["ouroboros"], toolVersion: "0.1.0-test")
        try none.begin(.network, name: "toy", scenarioText: "", seed: nil)
        try none.finish(summary: StoreFixtures.summary)
        #expect(none.id == nil)
    }

    @Test("reading never creates a store; recording to an unknown run's store names it")
    func locations() throws {
        let path = try StoreFixtures.storePath()
        #expect(try RunStore.existing(path: path, environment: [:]) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(throws: StoreError.unknownRun(RunID(rawValue: 3), path: path)) {
            try RunStore.existing(path: path, environment: [:], holding: RunID(rawValue: 3))
        }
        #expect(RunStore.path(nil, environment: ["OUROBOROS_STORE": path]) == path)
    }
}
