import Foundation
import OuroborosCore
import OuroborosReport
import Testing

/// Headless Chromium, when installed (Debian's `chromium`; .ci/run installs it and sets
/// OUROBOROS_REQUIRE_BROWSER=1 so that a missing browser fails instead of skipping).
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/local/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["OUROBOROS_REQUIRE_BROWSER"] == "1"
    static let shouldRun = path != nil || required

    struct Outcome {
        var status: Int32
        var stdout: String
        var log: String
    }

    /// Runs the browser headless on `page` with `arguments`, logging console messages to standard error.
    static func run(_ arguments: [String], page: URL, profile: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path, "chromium is not installed (apt-get install -y chromium)"))
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=\(profile.path)",
            ] + arguments + [page.absoluteString]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            log: String(decoding: errData, as: UTF8.self))
    }

    /// Console messages in a log (`INFO:CONSOLE(…)] "message", source: …`).
    static func consoleMessages(_ log: String) -> [String] {
        log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    }
}

@Suite("HTML report in a browser", .serialized)
struct HtmlBrowserTests {
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ouroboros-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(
        "headless Chromium renders the built-in scenario's report without console messages and takes a screenshot",
        .enabled(if: Browser.shouldRun, "chromium is not installed (apt-get install -y chromium); set OUROBOROS_REQUIRE_BROWSER=1 to fail instead"))
    func rendersWithoutErrors() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        try AtomicFile.write(BuiltInRun.html, to: page.path)
        let shot = folder.appendingPathComponent("report.png")
        let outcome = try Browser.run(
            ["--screenshot=\(shot.path)", "--window-size=1280,2000"], page: page,
            profile: folder.appendingPathComponent("profile"))
        #expect(outcome.status == 0, "chromium failed: \(outcome.log)")
        #expect(Browser.consoleMessages(outcome.log).isEmpty, "console: \(Browser.consoleMessages(outcome.log))")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1280 && height == 2000)
        #expect(png.count > 50_000, "a blank page compresses to a few kB; the report's first screen is \(png.count) bytes")

        // The browser's own DOM holds every section and every chart as SVG.
        let dom = try Browser.run(["--dump-dom"], page: page, profile: folder.appendingPathComponent("profile"))
        #expect(dom.status == 0)
        for id in ["summary", "time-series", "money-flow", "network", "matrices", "deals"] { #expect(dom.stdout.contains("<section id=\"\(id)\">")) }
        #expect(dom.stdout.components(separatedBy: "<svg ").count == XMLSupport.svgs(in: BuiltInRun.html).count + 1)
    }

    @Test(
        "the console check sees a page's console errors (so that its silence above means something)",
        .enabled(if: Browser.shouldRun, "chromium is not installed (apt-get install -y chromium)"))
    func consoleCheckWorks() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("bad.html")
        try AtomicFile.write("<!DOCTYPE html><html><body><script>console.error('broken chart')</script></body></html>", to: page.path)
        let outcome = try Browser.run(
            ["--screenshot=\(folder.appendingPathComponent("bad.png").path)", "--window-size=400,300"],
            page: page, profile: folder.appendingPathComponent("profile"))
        #expect(Browser.consoleMessages(outcome.log).contains { $0.contains("broken chart") })
    }
}
