import Foundation
public import OuroborosCore

/// Reads model and scenario files (YAML) and the built-in ones, dispatching on their `kind`.
public enum ScenarioLoader {
    /// The kinds of document this version reads.
    public static let supportedKinds = ["equations", "network"]

    /// Reads and decodes the file at `path`; bad content is reported as diagnostics naming `path`.
    ///
    /// A file that cannot be read at all is reported as `ScenarioFileError`.
    public static func load(path: String) throws(ScenarioLoadError) -> ScenarioDocument {
        if let oversized = oversizedFile(path) { throw .invalid(DiagnosticList([oversized])) }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw .unreadable(path: path, reason: isDirectory.boolValue ? "it is a directory" : "permission denied")
            }
            throw .unreadable(path: path, reason: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(DiagnosticList([Diagnostic("the file is not UTF-8 text", at: SourceLocation(file: path, line: 1, column: 1))]))
        }
        do {
            return try parse(text, file: path)
        } catch {
            throw .invalid(error)
        }
    }

    /// The largest scenario or model file read: 16 MiB. The built-in `ai-capex-2025` is 92 KB; a
    /// file of 16 MiB already holds more values than `AliasExpansion.maximumValues` allows, and
    /// reading it costs a few hundred MB, so a larger one is refused before it is read.
    public static let maximumFileBytes = 16 << 20

    /// A diagnostic at `path`'s start when the file is larger than `maximumFileBytes`.
    static func oversizedFile(_ path: String) -> Diagnostic? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumFileBytes else {
            return nil
        }
        return Diagnostic(
            "the file is \(DecimalText.fixed(Double(size) / 1e6, decimals: 0)) MB, over the \(maximumFileBytes >> 20) MiB a scenario "
                + "or model file may hold",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    /// Decodes `text` as the contents of `file`; a network scenario's `extends:` is resolved relative to `file`.
    public static func parse(_ text: String, file: String) throws(DiagnosticList) -> ScenarioDocument {
        let root = try YAMLNode.parse(text, file: file)
        guard case .mapping(let pairs) = root.content else {
            throw DiagnosticList([
                Diagnostic("expected a mapping with a 'kind' key at the top of the file, found \(root.kindDescription)", at: root.location)
            ])
        }
        guard let kindPair = pairs.first(where: { $0.key.scalarText == "kind" }) else {
            throw DiagnosticList([Diagnostic("missing key 'kind'; expected 'kind: equations' or 'kind: network'", at: root.location)])
        }
        switch kindPair.value.scalarText {
        case "equations":
            return .equations(try EquationModelFile.decode(root, file: file))
        case "network":
            return .network(try network(root, file: file, chain: [link(for: file)]))
        case let other:
            let found = other.map { "'\($0)'" } ?? kindPair.value.kindDescription
            throw DiagnosticList([
                Diagnostic("unknown kind \(found); expected one of: \(supportedKinds.joined(separator: ", "))", at: kindPair.value.location)
            ])
        }
    }

    /// Loads the built-in model or scenario called `name` (see `BuiltInScenarios.all`).
    public static func builtIn(_ name: String) throws(ScenarioLoadError) -> ScenarioDocument {
        guard let entry = BuiltInScenarios.entry(named: name) else {
            throw .unknownBuiltIn(name: name, known: BuiltInScenarios.all.map(\.name))
        }
        guard let text = BuiltInScenarios.text(of: entry) else {
            throw .unreadable(path: entry.resource, reason: "the built-in resource is missing from the installation")
        }
        do {
            return try parse(text, file: entry.resource)
        } catch {
            throw .invalid(error)
        }
    }

    /// Loads `reference` as a built-in name when it is one (and no such file exists), else as a path.
    public static func resolve(_ reference: String) throws(ScenarioLoadError) -> ScenarioDocument {
        if BuiltInScenarios.entry(named: reference) != nil, !FileManager.default.fileExists(atPath: reference) {
            return try builtIn(reference)
        }
        return try load(path: reference)
    }
}

/// Why a model or scenario could not be loaded.
public enum ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    /// The file's content is wrong; every problem with its place.
    case invalid(DiagnosticList)
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// No built-in model has that name.
    case unknownBuiltIn(name: String, known: [String])

    /// One line per problem.
    public var description: String {
        switch self {
        case .invalid(let list): return list.description
        case .unreadable(let path, let reason): return "error: cannot read '\(path)': \(reason)"
        case .unknownBuiltIn(let name, let known):
            return "error: no built-in model or scenario named '\(name)'; expected a file path or one of: \(known.joined(separator: ", "))"
        }
    }
}
