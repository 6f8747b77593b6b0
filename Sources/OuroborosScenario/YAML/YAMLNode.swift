public import OuroborosCore
import Yams

/// A YAML value with the place each part was written, so that every schema error can name it.
///
/// A plain value tree, `Sendable`, built once from the libyaml events (through Yams) and then read
/// by the schema decoders; nothing downstream sees Yams.
public struct YAMLNode: Sendable {
    /// The shape of the value.
    public enum Content: Sendable {
        /// A scalar with its text and whether it was quoted (quoted text is never a number).
        case scalar(String, quoted: Bool)
        /// A mapping, keys in file order.
        case mapping([(key: YAMLNode, value: YAMLNode)])
        /// A sequence, items in file order.
        case sequence([YAMLNode])
        /// An explicit or implicit null (`~`, `null`, or nothing after a key).
        case null
    }

    /// The value.
    public var content: Content
    /// Where the value starts.
    public var location: SourceLocation
    /// Where the value's text starts: one column right of the opening quote for quoted scalars.
    public var textLocation: SourceLocation

    /// A short name for the value's kind, used in "expected …, found …" messages.
    public var kindDescription: String {
        switch content {
        case .scalar(let text, _): return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }

    /// The scalar text, if the value is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// Parses `text` (the contents of `file`) into a node tree; YAML syntax errors become diagnostics.
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> YAMLNode {
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw DiagnosticList([Diagnostic(yamlError: error, file: file)])
        } catch {
            throw DiagnosticList([Diagnostic("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let root else {
            throw DiagnosticList([
                Diagnostic(
                    "the file is empty; expected a YAML mapping with a 'kind' key",
                    at: SourceLocation(file: file, line: 1, column: 1))
            ])
        }
        // The parser holds the anchors that tell an alias from its value: keep it alive for the check.
        try withExtendedLifetime(parser) { () throws(DiagnosticList) in try AliasExpansion.check(root, text: text, file: file) }
        return try YAMLNode(root, file: file)
    }

    init(_ node: Node, file: String) throws(DiagnosticList) {
        let mark = node.mark
        let start = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        location = start
        textLocation = start
        if let tag = node.explicitTag {
            throw DiagnosticList([
                Diagnostic(
                    "unknown YAML tag '\(tag)'; a scenario uses plain values (only the standard tags such as !!str are read)",
                    at: start)
            ])
        }
        switch node {
        case .scalar(let scalar):
            switch scalar.style {
            case .singleQuoted, .doubleQuoted:
                content = .scalar(scalar.string, quoted: true)
                textLocation = start.advanced(byColumns: 1)
            case .literal, .folded:
                content = .scalar(scalar.string, quoted: true)
                textLocation = SourceLocation(file: file, line: start.line + 1, column: start.column)
            default:
                if scalar.tag.description == "tag:yaml.org,2002:null" || ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                    content = .null
                } else {
                    content = .scalar(scalar.string, quoted: false)
                }
            }
        case .mapping(let mapping):
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            pairs.reserveCapacity(mapping.count)
            for pair in mapping { pairs.append((key: try YAMLNode(pair.key, file: file), value: try YAMLNode(pair.value, file: file))) }
            content = .mapping(pairs)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try YAMLNode(item, file: file)) }
            content = .sequence(items)
        case .alias:
            content = .null
        }
    }
}

extension Node {
    /// A tag written in the file that is not one of YAML's standard ones (`!python/object:…`, `!foo`):
    /// Yams gives every value a standard tag (`tag:yaml.org,2002:…`) or the non-specific `!` or `?`.
    fileprivate var explicitTag: String? {
        let tag = self.tag.description
        if tag.isEmpty || tag == "!" || tag == "?" || tag.hasPrefix("tag:yaml.org,2002:") { return nil }
        return tag
    }
}

extension Diagnostic {
    /// Turns a libyaml scanner/parser error into a diagnostic at its place.
    init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            self.init(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let first = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            let second = Self.nextOccurrence(of: key, after: first, in: context.text) ?? first
            self.init("'\(key)' appears twice in this mapping (first at line \(first.line))", at: second)
        case .reader(let problem, _, _, _):
            self.init("cannot read the file as UTF-8 text: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            self.init("invalid YAML: \(yamlError)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Where `key` is written as a mapping key next after `location` (Yams names only the first).
    static func nextOccurrence(of key: String, after location: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var line = location.line - 1
        var startColumn = location.column - 1 + key.unicodeScalars.count
        while line < lines.count {
            let scalars = Array(lines[line].unicodeScalars)
            let keyScalars = Array(key.unicodeScalars)
            var column = max(startColumn, 0)
            while column + keyScalars.count <= scalars.count {
                let before: Unicode.Scalar = column == 0 ? " " : scalars[column - 1]
                if Array(scalars[column..<column + keyScalars.count]) == keyScalars, " \t{,-".unicodeScalars.contains(before) {
                    var after = column + keyScalars.count
                    while after < scalars.count, scalars[after] == " " { after += 1 }
                    if after < scalars.count, scalars[after] == ":" {
                        return SourceLocation(file: location.file, line: line + 1, column: column + 1)
                    }
                }
                column += 1
            }
            line += 1
            startColumn = 0
        }
        return nil
    }
}
