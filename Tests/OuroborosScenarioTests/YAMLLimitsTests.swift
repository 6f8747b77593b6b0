import OuroborosCore
import OuroborosScenario
import Testing

/// Hostile YAML: alias expansion is capped before anything walks the tree, and unknown tags are refused.
@Suite("YAML limits")
struct YAMLLimitsTests {
    static func errors(_ text: String, file: String = "bomb.yaml") -> [String] {
        do {
            _ = try ScenarioLoader.parse(text, file: file)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Nine levels of ten aliases each: 10⁹ values from a file of under 1 KB.
    static func laughs(kind: String, inside key: String? = nil) -> String {
        var lines = ["kind: \(kind)", "name: bomb"]
        let indent = key == nil ? "" : "  "
        if let key { lines.append("\(key):") }
        lines.append("\(indent)lol0: &lol0 \"lol\"")
        for level in 1...9 {
            let aliases = Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("\(indent)lol\(level): &lol\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a billion laughs at the top level stops at the cap, at the alias that crosses it", arguments: ["network", "equations"])
    func topLevelBomb(kind: String) {
        let text = Self.laughs(kind: kind)
        #expect(text.utf8.count < 1024)
        let found = Self.errors(text)
        #expect(found.count == 1)
        // lol0…lol5 count 123,456 values; the eighth *lol5 in lol6 (111,111 values each) crosses 1,000,000,
        // and the error points at the first place *lol5 is written (line 9, column 14).
        #expect(
            found.first?.hasPrefix("bomb.yaml:9:14: error: the alias *lol5 expands this document to more than 1,000,000 values") == true, "\(found)")
    }

    @Test("a billion laughs inside description: is caught the same way")
    func nestedBomb() {
        let found = Self.errors(Self.laughs(kind: "network", inside: "description"))
        #expect(found.first?.hasPrefix("bomb.yaml:10:16: error: the alias *lol5 expands this document") == true, "\(found)")
    }

    @Test("a long string repeated by aliases hits the text cap")
    func textBomb() {
        let long = String(repeating: "x", count: 100_000)
        var lines = ["kind: network", "name: big", "a0: &a0 \"\(long)\""]
        for level in 1...4 { lines.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1), *a\(level - 1), *a\(level - 1), *a\(level - 1)]") }
        let found = Self.errors(lines.joined(separator: "\n"))
        // a3 is 12.5 MB of text; the first alias of a3 in a4 passes 16 MiB with a0…a3 counted once.
        #expect(found.first?.contains("the alias *a3 expands this document to more than 16 MiB of text") == true, "\(found)")
        #expect(found.first?.hasPrefix("bomb.yaml:7:10:") == true, "\(found)")
    }

    @Test("ordinary aliases well under the cap are read as before")
    func modestAliases() {
        let text = """
            kind: equations
            name: A
            periods: 2
            parameters: &p {alpha: 0.5}
            exogenous: {G: 1}
            initial: {H: 0}
            equations:
              - Y = G + alpha * H[-1]
              - H = H[-1] + Y
            """
        #expect(Self.errors(text) == [])
    }

    @Test("an unknown tag is refused where it is written, a standard one is read")
    func unknownTag() {
        let bad = "kind: network\nname: t\ndescription: !python/object:os.system \"rm\"\n"
        #expect(
            Self.errors(bad) == [
                "bomb.yaml:3:14: error: unknown YAML tag '!python/object:os.system'; a scenario uses plain values (only the standard tags such as !!str are read)"
            ])
        let standard = Self.errors("kind: network\nname: !!str t\n")
        #expect(!standard.contains { $0.contains("unknown YAML tag") }, "\(standard)")
    }
}
