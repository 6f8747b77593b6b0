public import OuroborosCore

/// Reads typed values out of a `YAMLNode` tree, collecting one diagnostic per problem
/// (what was found, where, and what was expected) instead of stopping at the first.
public struct SchemaReader {
    /// Every problem found so far, in the order found.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty reader.
    public init() {}

    /// Records a problem at `location`.
    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(message, at: location))
    }

    /// The key/value pairs of a mapping, or a diagnostic naming what was expected.
    ///
    /// Duplicate keys are reported at the second occurrence, naming the line of the first.
    public mutating func mapping(_ node: YAMLNode, expected: String) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard case .mapping(let pairs) = node.content else {
            if case .null = node.content { return [] }
            error("expected \(expected), found \(node.kindDescription)", at: node.location)
            return nil
        }
        var seen: [String: SourceLocation] = [:]
        var result: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for pair in pairs {
            guard let key = pair.key.scalarText else {
                error("expected a name as key, found \(pair.key.kindDescription)", at: pair.key.location)
                continue
            }
            if let first = seen[key] {
                error("'\(key)' appears twice in this mapping (first at line \(first.line))", at: pair.key.location)
                continue
            }
            seen[key] = pair.key.location
            result.append((key: key, keyNode: pair.key, value: pair.value))
        }
        return result
    }

    /// The items of a list, or a diagnostic naming what was expected.
    public mutating func sequence(_ node: YAMLNode, expected: String) -> [YAMLNode]? {
        switch node.content {
        case .sequence(let items): return items
        case .null: return []
        default:
            error("expected \(expected), found \(node.kindDescription)", at: node.location)
            return nil
        }
    }

    /// A finite number (`0.6`, `-20`, `1e-3`), or a diagnostic.
    public mutating func number(_ node: YAMLNode, what: String) -> Double? {
        guard case .scalar(let text, let quoted) = node.content, !quoted else {
            error("expected a number for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let trimmed = text.trimmingWhitespace()
        guard let value = Double(trimmed), trimmed.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true else {
            error("expected a number for \(what), found '\(text)'", at: node.location)
            return nil
        }
        guard value.isFinite else {
            error("expected a finite number for \(what), found '\(text)'", at: node.location)
            return nil
        }
        return value
    }

    /// A whole number within `range`, or a diagnostic.
    public mutating func integer(_ node: YAMLNode, what: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let text, let quoted) = node.content, !quoted, let value = Int(text.trimmingWhitespace()) else {
            error("expected a whole number for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " and \(range.upperBound)"
            let bound = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "between \(range.lowerBound)\(upper)"
            error("expected \(what) \(bound), found \(value)", at: node.location)
            return nil
        }
        return value
    }

    /// A string scalar (quoted or not), or a diagnostic.
    public mutating func string(_ node: YAMLNode, what: String) -> String? {
        guard case .scalar(let text, _) = node.content else {
            error("expected text for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return text
    }

    /// Reports every key of `pairs` that is not in `allowed`, listing the allowed keys.
    public mutating func rejectUnknownKeys(_ pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)], allowed: [String], in context: String) {
        for pair in pairs where !allowed.contains(pair.key) {
            error("unknown key '\(pair.key)' in \(context); expected one of: \(allowed.joined(separator: ", "))", at: pair.keyNode.location)
        }
    }
}
