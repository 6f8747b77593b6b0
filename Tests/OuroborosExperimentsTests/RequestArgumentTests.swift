import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario
import TestSupport
import Testing

/// What a command is asked with, read by the library as the CLI and a server read it.
@Suite("Request arguments")
struct RequestArgumentTests {
    @Test("a scenario reference: the default built-in, a file's short name, an equation model refused")
    func references() throws {
        #expect(ScenarioReference(nil).name == BuiltInScenarios.defaultName)
        #expect(ScenarioReference("scenarios/stress.yaml").shortName == "stress")
        #expect(ScenarioReference("sim").shortName == "sim")
        #expect(ScenarioReference("sim").parsedFile == BuiltInScenarios.entry(named: "sim")?.resource)
        #expect(!ScenarioReference("sim").text.isEmpty)
        #expect(throws: RequestError("'sim' is an equation model; experiments run network scenarios (kind: network)")) {
            try ScenarioReference("sim").loadForExperiment()
        }
    }

    @Test("shocks, a tipping template and its sizes, and dates, each wrong one named with its option")
    func shocks() throws {
        let scenario = try Fixtures.fragileScenario()
        #expect(try scenario.shocks(["demand:-10%@2025-03"]).map(\.text) == ["demand:-10%@2025-03"])
        #expect(throws: RequestError.self) { try scenario.shocks(["demand:-10%@1999-01"]) }
        let template = try scenario.shockTemplate("rate@2025-06")
        #expect(template.kind == .rate)
        #expect(try scenario.shockSize(" 300bp ", like: template) == 0.03)
        #expect(throws: RequestError("--shock 'rate': expected KIND@DATE such as rate@2026-01")) { try scenario.shockTemplate("rate") }
        #expect(throws: RequestError.self) { try scenario.shockTemplate("tides@2025-06") }
        #expect(try scenario.period(of: "2025-03", option: "--by") == 3)
        #expect(throws: RequestError.self) { try scenario.period(of: "2040-01", option: "--by") }
        #expect(throws: RequestError("--by 'soon': expected a date such as 2026-12, 2026Q4 or 2026")) {
            try scenario.period(of: "soon", option: "--by")
        }
    }
}
