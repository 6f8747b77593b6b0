import Foundation
import Testing

/// The committed outputs in `Tests/Golden/expected`, byte for byte: the built-in run and a dozen
/// shocked runs (table, CSV, JSON), the built-in with each mechanism off, the HTML report, the
/// warnings, the experiments and the equation models. A change that moves any of them must be
/// deliberate: run `Tests/Golden/regenerate` in the same commit and say why in its message.
@Suite("Golden outputs")
struct GoldenOutputTests {
    /// One line of `Tests/Golden/cases.txt`.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var testDescription: String { name }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")

    static let cases: [Case] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("cases.txt"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            let arguments = line[line.index(after: tab)...].split(separator: " ").map(String.init)
            return Case(name: String(line[..<tab]), arguments: arguments)
        }
    }()

    @Test("the case list is there")
    func caseList() {
        #expect(Self.cases.count >= 40)
    }

    @Test("the output is the committed one, byte for byte", arguments: cases)
    func output(_ golden: Case) throws {
        let expected = try Data(contentsOf: Self.folder.appendingPathComponent("expected").appendingPathComponent(golden.name))
        let scratch = try CLIProcess.scratch([:])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let written = scratch.appendingPathComponent(golden.name)
        let arguments = golden.arguments.map { $0 == "@OUT" ? written.path : $0 }
        let outcome = try CLIProcess.run(arguments, in: Self.folder)
        #expect(outcome.status == 0, "\(golden.name): \(outcome.stderr)")
        let actual = golden.arguments.contains("@OUT") ? try Data(contentsOf: written) : Data(outcome.stdout.utf8)
        guard actual != expected else { return }
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = first < actualLines.count ? String(actualLines[first].prefix(300)) : "(end of output)"
        let want = first < expectedLines.count ? String(expectedLines[first].prefix(300)) : "(end of file)"
        Issue.record("\(golden.name) differs from line \(first + 1): got\n  \(got)\nexpected\n  \(want)")
    }
}
