import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end: `ouroboros report` and `ouroboros run --report` as a user runs them.
@Suite("ouroboros report")
struct ReportCommandTests {
    func scratch() throws -> URL { try CLIProcess.scratch([:]) }

    func attribute(_ name: String, of element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    func elements(named name: String, in root: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = [root]
        while let next = stack.popLast() {
            if (next.localName ?? next.name) == name { found.append(next) }
            stack.append(contentsOf: (next.children ?? []).compactMap { $0 as? XMLElement }.reversed())
        }
        return found
    }

    @Test("report with no scenario writes the built-in scenario's report atomically and says whether the loop holds")
    func defaultReport() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIProcess.run(["report", "--out", "r.html"], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("wrote r.html: the loop "))
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        for id in ["summary", "time-series", "money-flow", "network", "matrices", "deals"] { #expect(html.contains("<section id=\"\(id)\">")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.html"], "no temporary file left")
    }

    @Test("every point of every time-series chart in the report is the value `run --format csv` prints")
    func chartsMatchCSV() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csvRun = try CLIProcess.run(["run", "--format", "csv", "--shock", "rate:+200bp@2026-01"])
        #expect(csvRun.status == 0)
        var csv: [String: Double] = [:]
        for line in csvRun.stdout.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",")
            csv["\(f[0]),\(f[1]),\(f[2])"] = Double(f[3])
        }
        let outcome = try CLIProcess.run(["report", "--shock", "rate:+200bp@2026-01", "--out", "r.html"], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let document = try XMLDocument(data: Data(contentsOf: folder.appendingPathComponent("r.html")), options: [])
        var checked = 0
        for svg in elements(named: "svg", in: document.rootElement()!) where (attribute("class", of: svg) ?? "").contains("line-chart") {
            func pair(_ name: String) throws -> (Double, Double) {
                let parts = try #require(attribute(name, of: svg)).split(separator: " ").compactMap { Double($0) }
                return (parts[0], parts[1])
            }
            let (x0, x1) = try pair("data-x-domain")
            let (px0, px1) = try pair("data-x-range")
            let (y0, y1) = try pair("data-y-domain")
            let (py0, py1) = try pair("data-y-range")
            let periods = try #require(attribute("data-periods", of: svg)).split(separator: ",").map(String.init)
            let perPixel = abs(y1 - y0) / abs(py1 - py0)
            for line in elements(named: "polyline", in: svg) {
                guard let key = attribute("data-key", of: line), let points = attribute("points", of: line) else { continue }
                let parts = key.split(separator: "/").map(String.init)
                guard parts[0] != "origin" else { continue }  // revenue by origin is not a CSV series
                for point in points.split(separator: " ") {
                    let xy = point.split(separator: ",").compactMap { Double($0) }
                    let index = Int((x0 + (xy[0] - px0) / (px1 - px0) * (x1 - x0)).rounded())
                    let value = y0 + (xy[1] - py0) / (py1 - py0) * (y1 - y0)
                    let label = periods[index]
                    let expected: Double
                    if parts[1] == "price_index" {
                        expected = 100 * csv["\(label),\(parts[0]),price"]! / csv["\(periods[0]),\(parts[0]),price"]!
                    } else {
                        expected = try #require(csv["\(label),\(parts[0]),\(parts[1])"], "no CSV row \(label),\(key)")
                    }
                    #expect(abs(value - expected) <= perPixel * 0.01, "\(key) at \(label): drawn \(value), CSV \(expected)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000, "only \(checked) points checked")
    }

    @Test("--period chooses the month of the Sankey and the matrices")
    func period() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIProcess.run(["report", "ai-capex-2025", "--period", "2026-03", "--out", "r.html"], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains("Money flows in 2026-03") && html.contains("Balance sheet at the end of 2026-03"))
    }

    @Test("a month outside the run, an equation model or an unwritable path is a usage error (64) that says what was expected")
    func usageErrors() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let early = try CLIProcess.run(["report", "--period", "1999-01", "--out", "r.html"], in: folder)
        #expect(early.status == 64)
        #expect(early.stderr.contains("--period '1999-01'") && early.stderr.contains("2025-01") && early.stderr.contains("2030-12"))
        let model = try CLIProcess.run(["report", "sim", "--out", "r.html"], in: folder)
        #expect(model.status == 64)
        #expect(model.stderr.contains("equation model"))
        let missing = try CLIProcess.run(["report", "--out", "/nonexistent-ouroboros-folder/r.html"], in: folder)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("/nonexistent-ouroboros-folder/r.html"))
        let noOut = try CLIProcess.run(["report"], in: folder)
        #expect(noOut.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("run --report writes the report and still prints the chosen format; equation models refuse it")
    func runWithReport() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIProcess.run(["run", "--report", "run.html"], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.contains("Weakest link"))
        let html = try String(contentsOf: folder.appendingPathComponent("run.html"), encoding: .utf8)
        #expect(html.contains("<section id=\"money-flow\">"))
        let model = try CLIProcess.run(["run", "sim", "--report", "x.html"], in: folder)
        #expect(model.status == 64)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.html").path))
    }

    @Test("any network scenario file: a small quarterly one with hostile names gives a well-formed report in quarters")
    func quarterlyFile() throws {
        let text = """
            kind: network
            name: toy <quarterly> & co
            description: A small quarterly loop with "quotes" & <brackets>.
            calendar: {start: 2025-01, end: 2027-12, step: quarterly}
            entities:
              lab: {name: Lab & Co, sector: model_lab, cash: $5B, valuation: $50B, params: {paying_users: 5M, arpu: $240, enterprise_revenue: $1B}}
              cloud: {name: Cloud <One>, sector: hyperscaler, cash: $20B, bonds: $10B, fixed_capital: $30B, capacity: 1 GW}
              chips: {name: Chips, sector: chipmaker, cash: $10B}
              fund: {name: Fund, sector: venture_fund, cash: $30B}
            markets:
              cloud: {kind: equity, issuer: cloud, units: 1B, price: $100, duration: 12, depth: $20B}
            deals:
              - {id: D1, kind: compute_contract, from: lab, to: cloud, amount: $8B, announced: 2025-02, schedule: {start: 2025-04, months: 24},
                 source: {url: "https://example.com/d1?a=1&b=2", title: "Lab <signs> & cloud"}}
              - {id: D2, kind: equity_investment, from: chips, to: lab, amount: $2B, announced: 2025-03, tranches: {2025-06: $2B}}
              - {id: D3, kind: chip_order, from: cloud, to: chips, amount: $4B, announced: 2025-03, units: 100000, unit_price: $40k, delivery_lag: 6}

            """
        let folder = try CLIProcess.scratch(["toy.yaml": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIProcess.run(["report", "toy.yaml", "--period", "2026-05", "--out", "toy.html"], in: folder)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let data = try Data(contentsOf: folder.appendingPathComponent("toy.html"))
        let document = try XMLDocument(data: data, options: [])
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("toy &lt;quarterly&gt; &amp; co") && html.contains("Cloud &lt;One&gt;") && !html.contains("<One>"))
        #expect(html.contains("Money flows in 2026Q2") && html.contains("USD per quarter") && !html.contains("USD per month"))
        #expect(html.contains("href=\"https://example.com/d1?a=1&amp;b=2\""))
        #expect(elements(named: "svg", in: document.rootElement()!).count >= 5)
        #expect(!html.contains("class=\"chart-error\""), "every chart drawn")
    }
}
