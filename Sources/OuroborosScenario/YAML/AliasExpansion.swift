public import OuroborosCore
import Yams

/// The cap on what YAML anchors and aliases may expand to, checked before anything reads the tree.
///
/// An alias (`*name`) stands for the whole value anchored at `&name`, so a few lines of aliases of
/// aliases ("billion laughs") stand for billions of values. Every reader of a scenario walks the
/// expanded value, so the expansion, not the file's size, is what a document costs. The built-in
/// scenario expands to about 4,200 values and 54 KB of text; the caps are some 240× and 300× that.
public enum AliasExpansion {
    /// The most values (scalars, mappings, sequences, counting every alias as its whole value).
    public static let maximumValues = 1_000_000
    /// The most text in scalars, in UTF-8 bytes, counting every alias as its whole value.
    public static let maximumTextBytes = 16 << 20

    /// Throws a diagnostic naming the alias whose expansion crosses a cap (or the document's start
    /// when it has no aliases). `root` must come from a parser that is still alive: Yams holds
    /// anchors weakly, and an anchored value is recognised by its anchor's identity.
    static func check(_ root: Node, text: String, file: String) throws(DiagnosticList) {
        var walk = Walk()
        walk.visit(root)
        guard let crossing = walk.crossing else { return }
        let what =
            walk.values > maximumValues
            ? "more than \(NumberText.grouped(maximumValues)) values"
            : "more than \(NumberText.grouped(maximumTextBytes >> 20)) MiB of text"
        if let anchor = crossing {
            throw DiagnosticList([
                Diagnostic(
                    "the alias *\(anchor) expands this document to \(what), the cap on YAML alias expansion "
                        + "(docs/scenario-format.md, \"Limits\"); write the values out or alias smaller parts",
                    at: aliasLocation(of: anchor, in: text, file: file))
            ])
        }
        throw DiagnosticList([
            Diagnostic(
                "this document has \(what), the cap on a scenario's size (docs/scenario-format.md, \"Limits\")",
                at: SourceLocation(file: file, line: 1, column: 1))
        ])
    }

    /// Where `*anchor` is first written as an alias, or the document's start when it cannot be found.
    static func aliasLocation(of anchor: String, in text: String, file: String) -> SourceLocation {
        let name = Array(("*" + anchor).unicodeScalars)
        let nameCharacters = Anchor.permittedCharacters
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var column = 0
            while column + name.count <= scalars.count {
                if scalars[column] == "#" && (column == 0 || scalars[column - 1] == " ") { break }
                let end = column + name.count
                if Array(scalars[column..<end]) == name, end == scalars.count || !nameCharacters.contains(scalars[end]) {
                    return SourceLocation(file: file, line: index + 1, column: column + 1)
                }
                column += 1
            }
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    /// A walk of the tree that visits each anchored value once and adds its size at every alias.
    private struct Walk {
        var values = 0
        var textBytes = 0
        /// The anchor being expanded when a cap was crossed; `.some(nil)` when no alias was.
        var crossing: String??
        var sizes: [ObjectIdentifier: (values: Int, textBytes: Int)] = [:]

        var overCap: Bool { values > AliasExpansion.maximumValues || textBytes > AliasExpansion.maximumTextBytes }

        mutating func visit(_ node: Node) {
            guard crossing == nil else { return }
            let anchor = node.anchorObject
            if let anchor, let known = sizes[ObjectIdentifier(anchor)] {
                values = values &+ known.values
                textBytes = textBytes &+ known.textBytes
                if overCap { crossing = .some(anchor.rawValue) }
                return
            }
            let (startValues, startBytes) = (values, textBytes)
            values += 1
            switch node {
            case .scalar(let scalar): textBytes += scalar.string.utf8.count
            case .mapping(let mapping):
                for pair in mapping {
                    visit(pair.key)
                    visit(pair.value)
                }
            case .sequence(let sequence): for item in sequence { visit(item) }
            case .alias: break
            }
            if crossing == nil, overCap { crossing = .some(nil) }
            if let anchor { sizes[ObjectIdentifier(anchor)] = (values - startValues, textBytes - startBytes) }
        }
    }
}

extension Node {
    /// The anchor the value was defined with (`&name`), while the parser that made it is alive.
    fileprivate var anchorObject: Anchor? {
        switch self {
        case .scalar(let scalar): scalar.anchor
        case .mapping(let mapping): mapping.anchor
        case .sequence(let sequence): sequence.anchor
        case .alias: nil
        }
    }
}
