import Foundation
import OuroborosCore
import OuroborosReport
import Testing

@Suite("Experiment report in a browser", .serialized)
struct ExperimentHtmlBrowserTests {
    @Test(
        "headless Chromium renders the Monte Carlo report without console messages, every chart as SVG",
        .enabled(if: Browser.shouldRun, "chromium is not installed (apt-get install -y chromium); set OUROBOROS_REQUIRE_BROWSER=1 to fail instead"))
    func monteCarloRenders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouroboros-mc-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = MonteCarloHTMLReport(summary: ExperimentFixtures.monteCarlo, scenario: ExperimentFixtures.scenario).html()
        let page = folder.appendingPathComponent("montecarlo.html")
        try AtomicFile.write(html, to: page.path)
        let shot = folder.appendingPathComponent("montecarlo.png")
        let outcome = try Browser.run(
            ["--screenshot=\(shot.path)", "--window-size=1280,1600"], page: page,
            profile: folder.appendingPathComponent("profile"))
        #expect(outcome.status == 0, "chromium failed: \(outcome.log)")
        #expect(Browser.consoleMessages(outcome.log).isEmpty, "console: \(Browser.consoleMessages(outcome.log))")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        #expect(png.count > 40_000, "a blank page compresses to a few kB; this one is \(png.count) bytes")
        let dom = try Browser.run(["--dump-dom"], page: page, profile: folder.appendingPathComponent("profile"))
        #expect(dom.status == 0)
        for id in ["summary", "break-probability", "break-timing", "first-failures", "key-series", "definition"] {
            #expect(dom.stdout.contains("<section id=\"\(id)\">"))
        }
        #expect(dom.stdout.components(separatedBy: "<svg ").count == XMLSupport.svgs(in: html).count + 1)
    }
}
