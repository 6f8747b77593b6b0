import Foundation
import OuroborosCore
import OuroborosEngine
import OuroborosScenario
import Testing

/// M12: the early-warning indicators, hand-computed on the lab-and-cloud fixture, their alerts and
/// lead times, threshold overrides, observed data, and the built-in scenario's alerts.
@Suite("Early warnings (M12)")
struct EarlyWarningTests {
    /// The lab-and-cloud scenario (`Tests/Fixtures/lab-and-cloud.yaml`) with `shocks`, run with detail.
    static func labAndCloud(_ shocks: [String], quarterly: Bool = false) throws -> (
        scenario: NetworkScenario, run: (result: NetworkRunResult, detail: RunDetail)
    ) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        var text = try String(contentsOf: folder.appendingPathComponent("Fixtures/lab-and-cloud.yaml"), encoding: .utf8)
        if quarterly { text = text.replacingOccurrences(of: "end: 2026-12}", with: "end: 2026-12, step: quarterly}") }
        guard case .network(let scenario) = try ScenarioLoader.parse(text, file: "lab-and-cloud.yaml") else {
            throw EngineSetupError.invalidCalendar("lab-and-cloud.yaml is not a network scenario")
        }
        let parsed = try shocks.map { try NetworkShock.parse($0, calendar: scenario.calendar, entityIDs: scenario.entities.map(\.id)) }
        return (scenario, try NetworkSimulation(scenario: scenario, shocks: parsed).runWithDetail())
    }

    static func warnings(_ shocks: [String]) throws -> EarlyWarnings {
        let (scenario, run) = try labAndCloud(shocks)
        return EarlyWarnings(run: run.result, calendar: scenario.calendar, detail: run.detail)
    }

    @Test("cash runway: a 40% demand shock leaves the lab $0.4B a month short, so after month m it has (5 − 0.4m)/0.4 months")
    func cashRunway() throws {
        // $4.5B + the cloud's $0.5B, $0.6B revenue against a $1B compute bill: cash 5 − 0.4m, burn 0.4 a month.
        let warnings = try Self.warnings(["demand:-40%@2025-01"])
        for m in 1...12 {
            let reading = try #require(warnings.reading(.cashRunway, in: m))
            #expect(reading.entity == "lab")
            #expect(abs(reading.value - (5 - 0.4 * Double(m)) / 0.4) < 1e-9, "month \(m): \(reading.value)")
        }
    }

    @Test("no runway to watch when the lab breaks even, and no coverage when the cloud owes nothing")
    func undefinedIndicators() throws {
        let warnings = try Self.warnings([])
        #expect(warnings.readings(.cashRunway).isEmpty)  // revenue $1B = bill $1B, no opex: no burn
        #expect(warnings.readings(.interestCoverage).isEmpty)  // the cloud has no debt
        #expect(warnings.breakPeriod == nil)
        #expect(warnings.alerts(thresholds: WarningThresholds()).allSatisfy { $0.leadMonths == nil })
    }

    @Test("backlog multiple: $23B left of the $24B contract over $22B a year ($10B legacy + $1B a month) after month 1")
    func backlogMultiple() throws {
        let warnings = try Self.warnings([])
        let first = try #require(warnings.reading(.backlogMultiple, in: 1))
        #expect(first.entity == "cloud")
        #expect(abs(first.value - 23.0 / 22.0) < 1e-9)
        let readings = warnings.readings(.backlogMultiple).map(\.value)
        #expect(zip(readings, readings.dropFirst()).allSatisfy { $0 >= $1 })  // the backlog runs off, revenue holds
    }

    @Test("funding squeeze is 0 when nobody's capex grows; liquidity stays at its opening level without shocks")
    func aggregates() throws {
        let warnings = try Self.warnings([])
        let squeeze = warnings.readings(.fundingSqueeze)
        #expect(squeeze.first?.period == 15)  // a year and a quarter of history first
        #expect(squeeze.allSatisfy { $0.value == 0 && $0.entity == "clouds" })
        #expect(warnings.readings(.systemLiquidity).count == 24)
        #expect(warnings.readings(.systemLiquidity).allSatisfy { abs($0.value - 1) < 1e-12 })
    }

    @Test("vendor-financed revenue: the cloud's $0.5B in the lab comes back in the lab's compute bill")
    func vendorFinancing() throws {
        let (scenario, run) = try Self.labAndCloud([])
        let warnings = EarlyWarnings(run: run.result, calendar: scenario.calendar, detail: run.detail)
        let first = try #require(warnings.reading(.vendorFinancedRevenue, in: 1))
        #expect(first.entity == "cloud")
        let cloud = try #require(run.detail.participants.firstIndex { $0.id == "cloud" })
        let origin = try #require(run.detail.revenueByOrigin)[1][cloud]
        #expect(origin.roundTrip > 0)
        #expect(abs(first.value - origin.roundTrip / origin.total) < 1e-12)
        // the round trip is bounded by the $0.5B invested over the month's revenue
        #expect(first.value > 0 && first.value < 0.5e9 / run.result.entity("cloud")!.revenue[1])
        // without the run's detail there are no per-period origins to read
        #expect(EarlyWarnings(run: run.result, calendar: scenario.calendar).readings(.vendorFinancedRevenue).isEmpty)
    }

    @Test("the first alert and its lead time: runway below 6 months in 2025-07, the loop breaks in 2026-01")
    func alertAndLeadTime() throws {
        // With −40% the lab cannot pay the bill of month 13 (6 − 13·0.4 < 1): the loop breaks in 2026-01.
        let warnings = try Self.warnings(["demand:-40%@2025-01"])
        #expect(warnings.breakPeriod == 13)
        var thresholds = WarningThresholds()
        try thresholds.apply("cash_runway=6")
        let alert = try #require(warnings.firstAlert(.cashRunway, thresholds: thresholds))
        #expect(alert.periodLabel == "2025-07")  // 12.5 − 7 = 5.5 < 6 ≤ 12.5 − 6
        #expect(alert.entity == "lab")
        #expect(abs(alert.value - 5.5) < 1e-9)
        #expect(alert.leadMonths == 6)
        #expect(alert.threshold == 6)
        // the default 12 months is crossed at once: 11.5 months after the first month
        #expect(warnings.firstAlert(.cashRunway, thresholds: WarningThresholds())?.leadMonths == 12)
    }

    @Test("quarterly steps: burn and lead time are counted in months, not periods")
    func quarterly() throws {
        let (scenario, run) = try Self.labAndCloud(["demand:-40%@2025-01"], quarterly: true)
        #expect(scenario.calendar.monthsPerStep == 3)
        let warnings = EarlyWarnings(run: run.result, calendar: scenario.calendar, detail: run.detail)
        // after quarter q the lab holds 5 − 1.2q and burns 0.4 a month: (5 − 1.2q) / 0.4 months
        for q in 1...3 {
            #expect(abs(try #require(warnings.reading(.cashRunway, in: q)).value - (5 - 1.2 * Double(q)) / 0.4) < 1e-9)
        }
        var thresholds = WarningThresholds()
        try thresholds.apply("cash_runway=6")
        let alert = try #require(warnings.firstAlert(.cashRunway, thresholds: thresholds))
        #expect(alert.periodLabel == "2025Q3")
        #expect(alert.leadMonths == (try #require(warnings.breakPeriod) - 3) * 3)
    }

    @Test("threshold overrides: NAME=VALUE, unknown names and non-numbers refused")
    func overrides() throws {
        var thresholds = WarningThresholds()
        try thresholds.apply("backlog_multiple=0.5")
        #expect(thresholds[.backlogMultiple] == 0.5)
        #expect(thresholds[.cashRunway] == EarlyWarningIndicator.cashRunway.defaultThreshold)
        #expect(throws: WarningThresholds.OverrideError.unknownIndicator("runway")) { try thresholds.apply("runway=3") }
        #expect(throws: WarningThresholds.OverrideError.notANumber(indicator: "cash_runway", text: "six")) { try thresholds.apply("cash_runway=six") }
        #expect(throws: WarningThresholds.OverrideError.notANumber(indicator: "cash_runway", text: "nan")) { try thresholds.apply("cash_runway=nan") }
        #expect(throws: WarningThresholds.OverrideError.malformed("cash_runway")) { try thresholds.apply("cash_runway") }
    }

    @Test("observed data: alerts against the same thresholds, lead counted to the simulated break; bad rows named by line and column")
    func observed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warnings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("observed.csv").path
        try "indicator,period,value\ncash_runway,2025-05,14\ncash_runway,2025-06,9\nsystem_liquidity,2025-03,0.95\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        let observed = try ObservedIndicators.read(path: good)
        let alert = try #require(observed.firstAlert(.cashRunway, thresholds: WarningThresholds(), breakMonth: 2026 * 12 + 0))
        #expect(alert.periodLabel == "2025-06" && alert.value == 9 && alert.leadMonths == 7)
        #expect(observed.firstAlert(.systemLiquidity, thresholds: WarningThresholds(), breakMonth: nil) == nil)
        #expect(observed.covers(.systemLiquidity) && !observed.covers(.backlogMultiple))

        let bad = folder.appendingPathComponent("bad.csv").path
        try "indicator,period,value\ncash_runway,2025-13,9\nrunway,2025-06,9\ncash_runway,2025-06,x\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let error = try #require(throws: DiagnosticList.self) { try ObservedIndicators.read(path: bad) }
        let text = error.description
        #expect(text.contains("bad.csv:2:13"), "\(text)")
        #expect(text.contains("expected a month YYYY-MM, found '2025-13'"))
        #expect(text.contains("bad.csv:3:1") && text.contains("found 'runway'"))
        #expect(text.contains("bad.csv:4:21") && text.contains("expected a number, found 'x'"))
    }

    @Test("ai-capex-2025 raises alerts before its break, each the first reading past its threshold")
    func builtInScenario() throws {
        guard case .network(let scenario) = try ScenarioLoader.builtIn("ai-capex-2025") else {
            Issue.record("ai-capex-2025 is not a network scenario")
            return
        }
        let run = try NetworkSimulation(scenario: scenario).runWithDetail()
        let warnings = EarlyWarnings(run: run.result, calendar: scenario.calendar, detail: run.detail)
        let breakPeriod = try #require(run.result.summary.breakPeriod)
        #expect(warnings.breakPeriod == breakPeriod)
        let thresholds = WarningThresholds()
        let alerts = warnings.alerts(thresholds: thresholds)
        let early = alerts.filter { ($0.leadMonths ?? 0) > 0 }
        #expect(!early.isEmpty)
        for alert in alerts {
            let readings = warnings.readings(alert.indicator)
            let index = try #require(readings.firstIndex { run.result.periodLabels[$0.period] == alert.periodLabel })
            #expect(alert.indicator.breaches(readings[index].value, threshold: thresholds[alert.indicator]))
            #expect(readings[..<index].allSatisfy { !alert.indicator.breaches($0.value, threshold: thresholds[alert.indicator]) })
            #expect(alert.leadMonths == breakPeriod - readings[index].period)  // monthly steps
        }
    }
}
