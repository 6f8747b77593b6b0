import Foundation
import OuroborosCore
import Testing

@Suite("Atomic file writes")
struct AtomicFileTests {
    private func scratchFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "ouroboros-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("writes the whole text and replaces an existing file, leaving no temporary file behind")
    func writesAndReplaces() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.html"
        try AtomicFile.write("first", to: path)
        try AtomicFile.write(String(repeating: "ä", count: 100_000), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(repeating: "ä", count: 100_000))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.html"])
    }

    @Test("a folder that does not exist is an error naming the file, and nothing is created")
    func missingFolder() throws {
        let path = "/nonexistent-ouroboros-folder/report.html"
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: path) }
        do {
            try AtomicFile.write("x", to: path)
        } catch {
            #expect(error.description.hasPrefix("\(path): cannot write: "))
        }
    }

    @Test("the temporary file sits in the target's folder")
    func temporaryBesideTarget() {
        #expect(AtomicFile.temporaryPath(for: "/a/b/r.html").hasPrefix("/a/b/.r.html.tmp-"))
        #expect(AtomicFile.temporaryPath(for: "r.html").hasPrefix(".r.html.tmp-"))
    }
}
