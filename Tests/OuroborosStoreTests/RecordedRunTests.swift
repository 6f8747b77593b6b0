import Foundation
import OuroborosReport
import OuroborosStore
import Testing

/// Real runs recorded and exported: the CSV must come back byte for byte as `ouroboros run --format csv` printed it.
@Suite("Recorded runs")
struct RecordedRunTests {
    @Test("the built-in network scenario with a rate shock: CSV export equals the run's CSV, summary columns match")
    func networkRun() throws {
        let run = try #require(StoreFixtures.builtInNetwork)
        let store = try RunStore(path: try StoreFixtures.storePath())
        let id = try store.begin(
            RunStart(
                kind: .network, scenarioName: run.result.scenarioName, scenarioText: run.text,
                commandLine: ["ouroboros", "run", "--shock", "rate:+300bp@2026-01"],
                seed: run.result.seed, toolVersion: "0.1.0"))
        let summary = RunSummary(network: run.result)
        try store.finish(id, status: .finished, summary: summary, series: RunSeries(network: run.result))

        let report = NetworkRunReport(result: run.result, shocks: run.shocks)
        #expect(try store.exportCSV(of: id) == report.csv())
        #expect(try store.scenarioText(of: id) == run.text)
        let record = try store.run(id)
        #expect(record.summary?.holds == !run.result.summary.broke)
        #expect(record.summary?.breakPeriod == (run.result.summary.broke ? run.result.summary.breakLabel : nil))
        if let first = run.result.summary.firstFailure {
            #expect(record.summary?.firstFailure?.hasPrefix("\(first.entity) \(first.type.rawValue)") == true)
        }
        // the stored summary JSON says the same as the report's summary
        let storedJSON = try #require(record.summary?.json)
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(storedJSON.utf8)) as? [String: Any])
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        let printedSummary = try #require(printed["summary"] as? [String: Any])
        #expect(stored["holds"] as? Bool == !(printedSummary["broke"] as? Bool ?? true))
        #expect(stored["weakest_link"] as? String == printedSummary["weakest_link"] as? String)
        #expect((stored["chain"] as? [Any])?.count == (printedSummary["chain"] as? [Any])?.count)
    }

    @Test("equation models SIM and PC: the wide CSV comes back byte for byte")
    func equationRuns() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        for (name, periods) in [("sim", 60), ("pc", 5)] {
            let (spec, result) = try StoreFixtures.equations(name, periods: periods)
            let report = EquationRunReport(result: result, hiddenEquations: spec.hidden.map(\.text))
            let id = try store.begin(StoreFixtures.start(.equations, name: spec.name, text: name, seed: nil))
            try store.finish(
                id, status: .finished, summary: RunSummary(equations: result, hiddenEquations: report.hiddenEquations),
                series: RunSeries(equations: result))
            #expect(try store.exportCSV(of: id) == report.csv())
            #expect(try store.run(id).summary?.holds == nil)
            #expect(try store.run(id).summary?.headline.hasPrefix("solved \(periods) periods") == true)
        }
    }

    @Test("JSON export parses and carries the series values; the show form carries only their size")
    func jsonExport() throws {
        let store = try RunStore(path: try StoreFixtures.storePath())
        let id = try store.begin(StoreFixtures.start())
        try store.finish(id, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)
        let full = try #require(try JSONSerialization.jsonObject(with: Data(try store.exportJSON(of: id).utf8)) as? [String: Any])
        #expect(full["id"] as? Int == Int(id.rawValue))
        #expect(full["status"] as? String == "finished")
        #expect(full["seed"] as? Int == 7)
        #expect(full["scenario_text"] as? String == "kind: network\nname: toy\n")
        #expect(full["periods"] as? [String] == ["2025-01", "2025-02", "2025-03"])
        let series = try #require(full["series"] as? [[String: Any]])
        #expect(series.count == 2)
        #expect(series[0]["values"] as? [Double] == [1.5, -2.25, 3e12])
        #expect((full["summary"] as? [String: Any])?["break_period"] as? String == "2027-03")
        let brief = try #require(try JSONSerialization.jsonObject(with: Data(try store.exportJSON(of: id, data: false).utf8)) as? [String: Any])
        #expect(brief["series"] as? Int == 2)
        #expect(brief["periods"] as? Int == 3)
        #expect(brief["scenario_text"] as? String == "kind: network\nname: toy\n")
        #expect(brief["runs"] == nil)
    }

    @Test("SQLite export: a standalone store with that run only, same id, no temporary or journal files left")
    func databaseExport() throws {
        let folder = try StoreFixtures.folder()
        let store = try RunStore(path: folder.appendingPathComponent("runs.sqlite").path)
        let other = try store.begin(StoreFixtures.start(text: "other"))
        let id = try store.begin(StoreFixtures.start())
        try store.finish(id, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)
        try store.finish(other, status: .finished, summary: StoreFixtures.summary, series: StoreFixtures.series)

        let exportFolder = try StoreFixtures.folder()
        let destination = exportFolder.appendingPathComponent("run.sqlite").path
        try store.exportDatabase(of: id, to: destination)
        #expect(try FileManager.default.contentsOfDirectory(atPath: exportFolder.path) == ["run.sqlite"])
        let copy = try RunStore(path: destination)
        #expect(try copy.runs().map(\.id) == [id])
        #expect(try copy.run(id) == store.run(id))
        #expect(try copy.series(of: id) == StoreFixtures.series)
        #expect(try copy.scenarioText(of: id) == "kind: network\nname: toy\n")
        // exporting again replaces the file whole
        try store.exportDatabase(of: other, to: destination)
        #expect(try RunStore(path: destination).runs().map(\.id) == [other])
        // never over the store itself
        #expect(throws: StoreError.self) { try store.exportDatabase(of: id, to: store.path) }
        #expect(try store.runs().count == 2)
    }
}
