import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// End-to-end: `--report PATH` on montecarlo, sensitivity, tipping and compare writes a
/// self-contained HTML report whose charts plot the figures of the command's JSON output.
@Suite("ouroboros experiments --report")
struct ExperimentReportTests {
    /// The `<svg>` elements of a page whose class list holds `cssClass`, parsed.
    static func svgs(_ cssClass: String, in html: String) throws -> [XMLElement] {
        var out: [XMLElement] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            if svg.contains("class=\"chart \(cssClass)") { out.append(try XMLDocument(xmlString: svg, options: []).rootElement()!) }
            rest = rest[end.upperBound...]
        }
        return out
    }

    static func elements(_ name: String, in element: XMLElement) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = [element]
        while let next = stack.popLast() {
            if next.name == name { found.append(next) }
            stack.append(contentsOf: (next.children ?? []).compactMap { $0 as? XMLElement }.reversed())
        }
        return found
    }

    static func attribute(_ name: String, _ element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// The value at drawing coordinate `y` by the SVG's `data-y-domain` and `data-y-range`, and one
    /// drawing unit in values (the rounding of coordinates to 0.01).
    static func yValue(_ y: Double, of svg: XMLElement) throws -> (value: Double, unit: Double) {
        let domain = try #require(attribute("data-y-domain", svg)).split(separator: " ").compactMap { Double($0) }
        let range = try #require(attribute("data-y-range", svg)).split(separator: " ").compactMap { Double($0) }
        let perUnit = (domain[1] - domain[0]) / (range[1] - range[0])
        return (domain[0] + (y - range[0]) * perUnit, abs(perUnit))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func read(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("montecarlo --report: the break-probability points and the fans' medians are the --format json figures")
    func monteCarlo() throws {
        let dir = try ExperimentCommandTests.folder()
        let outcome = try CLIProcess.run(
            [
                "montecarlo", "fragile.yaml", "--runs", "40", "--seed", "9", "--format", "json", "--quiet",
                "--report", "mc.html",
            ], in: dir)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let summary = try #require(try Self.json(outcome.stdout)["summary"] as? [String: Any])
        let html = try Self.read(dir, "mc.html")
        for id in ["summary", "break-probability", "break-timing", "first-failures", "key-series", "definition"] {
            #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(html.contains("uniform(-0.3, -0.1)") && !html.contains("PARTIAL"))
        let probabilities = try #require(summary["break_probability"] as? [[String: Any]]).map { $0["probability"] as! Double }
        let curve = try #require(try Self.svgs("break-probability", in: html).first)
        let dots = Self.elements("circle", in: curve)
        #expect(dots.count == probabilities.count)
        for (dot, probability) in zip(dots, probabilities) {
            let drawn = try Self.yValue(Double(Self.attribute("cy", dot)!)!, of: curve)
            #expect(abs(drawn.value - probability) <= drawn.unit * 0.01, "\(drawn.value) vs \(probability)")
        }
        let series = try #require(summary["quantile_series"] as? [[String: Any]])
        let fans = try Self.svgs("fan-chart", in: html)
        #expect(fans.count == series.count)
        for (fan, quantiles) in zip(fans, series) {
            let p50 = try #require(quantiles["p50"] as? [Double])
            let median = try #require(Self.elements("polyline", in: fan).first { Self.attribute("class", $0) == "series" })
            let points = Self.attribute("points", median)!.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
            #expect(points.count == p50.count)
            for (y, value) in zip(points, p50) {
                let drawn = try Self.yValue(y, of: fan)
                #expect(abs(drawn.value - value) <= drawn.unit * 0.01, "\(quantiles["name"] ?? ""): \(drawn.value) vs \(value)")
            }
        }
        let broken = try #require(summary["broken_runs"] as? Int)
        let bars = try #require(try Self.svgs("bar-chart", in: html).first)
        let counts = Self.elements("rect", in: bars).compactMap { Self.attribute("data-value", $0).flatMap(Double.init) }
        #expect(Int(counts.reduce(0, +)) == broken, "the break-period bars add up to the broken runs")
    }

    @Test("sensitivity, tipping and compare --report write their reports with the figures of their JSON output")
    func otherCommands() throws {
        let dir = try ExperimentCommandTests.folder()
        let morris = try CLIProcess.run(
            [
                "sensitivity", "fragile.yaml", "--runs", "6", "--outcome", "broke", "--format", "json", "--quiet",
                "--report", "sensitivity.html",
            ], in: dir)
        #expect(morris.status == 0, "stderr: \(morris.stderr)")
        let result = try #require(try Self.json(morris.stdout)["result"] as? [String: Any])
        let indices = try #require(result["indices"] as? [[String: Any]])
        let page = try Self.read(dir, "sensitivity.html")
        #expect(page.contains("<section id=\"tornado\">") && page.contains("broke: 1 when the loop broke"))
        let ranking = try #require(try Self.svgs("ranked-bars", in: page).first)
        let primary = Self.elements("rect", in: ranking).filter { Self.attribute("class", $0) == "bar primary" }
        #expect(primary.map { Self.attribute("data-series", $0)! } == indices.map { $0["parameter"] as! String })
        #expect(primary.map { Double(Self.attribute("data-value", $0)!)! } == indices.map { $0["mu_star"] as! Double })

        let tipping = try CLIProcess.run(
            [
                "tipping", "lc.yaml", "--shock", "demand@2025-01", "--format", "json", "--quiet",
                "--report", "tipping.html",
            ], in: dir)
        #expect(tipping.status == 0, "stderr: \(tipping.stderr)")
        let answer = try Self.json(tipping.stdout)
        let report = try Self.read(dir, "tipping.html")
        for id in ["tipping-point", "search", "summary", "time-series", "money-flow", "network", "matrices", "deals"] {
            #expect(report.contains("<section id=\"\(id)\">"), "missing section \(id)")
        }
        #expect(report.contains("breaks the loop by 2026-12: \(answer["size_text"] as! String)"))
        #expect(
            report.contains("The financing loop BREAKS in \(answer["break_period"] as! String)"),
            "the run at the tipping size breaks as the search said")
        let probes = try #require(answer["probes"] as? [[String: Any]])
        let search = try #require(try Self.svgs("bar-chart", in: report).first)
        let sizes = Self.elements("rect", in: search).compactMap { Self.attribute("data-value", $0).flatMap(Double.init) }
        let searched = probes.map { $0["size"] as! Double }
        #expect(sizes.count == searched.count)
        for (drawn, size) in zip(sizes, searched) { #expect(abs(drawn - size) <= 1e-12, "JSON prints sizes to 15 significant digits") }

        let compare = try CLIProcess.run(["compare", "lc.yaml", "--shocks", "demand:-30%@2025-01", "--quiet", "--report", "compare.html"], in: dir)
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        let comparison = try Self.read(dir, "compare.html")
        for id in ["outcomes", "key-series", "runs"] { #expect(comparison.contains("<section id=\"\(id)\">")) }
        #expect(comparison.contains("<td>holds</td><td>breaks</td>") && comparison.contains("<td>–</td><td>2026-05</td>"))
        let lines = try Self.svgs("line-chart", in: comparison)
        #expect(!lines.isEmpty)
        for chart in lines {
            let keys = Set(Self.elements("polyline", in: chart).compactMap { Self.attribute("data-key", $0) }.map { $0.split(separator: "/")[0] })
            #expect(keys == ["baseline", "demand:-30%@2025-01"], "one line per case")
        }
    }

    @Test("an unwritable --report path is a usage error before anything runs")
    func badPath() throws {
        let dir = try ExperimentCommandTests.folder()
        for arguments in [
            ["montecarlo", "fragile.yaml", "--runs", "4"], ["sensitivity", "fragile.yaml"],
            ["tipping", "lc.yaml", "--shock", "demand@2025-01"], ["compare", "lc.yaml", "--shocks", "demand:-30%@2025-01"],
        ] {
            let missing = try CLIProcess.run(arguments + ["--report", "no/such/folder/r.html"], in: dir)
            #expect(missing.status == 64 && missing.stderr.contains("does not exist") && missing.stdout.isEmpty, "\(arguments[0]): \(missing.stderr)")
            let folder = try CLIProcess.run(arguments + ["--report", "."], in: dir)
            #expect(folder.status == 64 && folder.stderr.contains("is a folder"), "\(arguments[0]): \(folder.stderr)")
        }
    }

    @Test("Ctrl-C still writes the Monte Carlo report, marked partial")
    func interrupted() throws {
        let dir = try ExperimentCommandTests.folder()
        let process = Process()
        process.executableURL = CLIProcess.executable
        process.arguments = ["montecarlo", "fragile.yaml", "--runs", "1000000", "--threads", "2", "--quiet", "--report", "partial.html"]
        process.environment = ProcessInfo.processInfo.environment.merging(["OUROBOROS_STORE": CLIProcess.scratchStore]) { $1 }
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let html = try Self.read(dir, "partial.html")
        #expect(html.contains("PARTIAL: ") && html.contains("of 1,000,000 runs done"))
        #expect(html.contains("<section id=\"break-probability\">"))
    }
}
