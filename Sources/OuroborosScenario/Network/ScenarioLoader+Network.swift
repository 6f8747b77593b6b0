import Foundation
import OuroborosCore
import OuroborosEngine

/// Loading `kind: network` files, with `extends:` resolved relative to the file or as a built-in name.
extension ScenarioLoader {
    /// One file of an `extends:` chain: what identifies it (an absolute path or `built-in:NAME`) and its name in messages.
    struct ExtendsLink {
        var key: String
        var name: String
    }

    /// The link for `file` as the loader was given it (a path, or a built-in resource's name).
    static func link(for file: String) -> ExtendsLink {
        if !FileManager.default.fileExists(atPath: file), let entry = BuiltInScenarios.all.first(where: { $0.resource == file }) {
            return ExtendsLink(key: "built-in:\(entry.name)", name: file)
        }
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        return ExtendsLink(key: URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path, name: file)
    }

    /// Decodes a `kind: network` document, loading the scenario it extends first; `chain` holds the
    /// files already being loaded (this one last), to detect a cycle.
    static func network(_ root: YAMLNode, file: String, chain: [ExtendsLink]) throws(DiagnosticList) -> NetworkScenario {
        var base: NetworkScenario?
        if case .mapping(let pairs) = root.content, let node = pairs.first(where: { $0.key.scalarText == "extends" })?.value {
            base = try loadBase(node, from: file, chain: chain)
        }
        return try NetworkScenarioFile.decode(root, file: file, base: base)
    }

    /// The scenario named by `extends:` at `node` of `file`: a path relative to `file` if such a file
    /// exists, else a built-in name. Its errors are reported under its own name, plus one at `node`.
    static func loadBase(_ node: YAMLNode, from file: String, chain: [ExtendsLink]) throws(DiagnosticList) -> NetworkScenario {
        func failure(_ message: String) -> DiagnosticList { DiagnosticList([Diagnostic(message, at: node.location)]) }
        guard case .scalar(let raw, _) = node.content, !raw.trimmingWhitespace().isEmpty else {
            throw failure("expected a file path or a built-in name for 'extends', found \(node.kindDescription)")
        }
        let reference = raw.trimmingWhitespace()
        let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? ""
        let path = reference.hasPrefix("/") || directory.isEmpty ? reference : directory + "/" + reference
        var isDirectory: ObjCBool = false
        let text: String
        let link: ExtendsLink
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            if let oversized = oversizedFile(path) { throw failure(oversized.message + " (\(path), named by 'extends')") }
            guard let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8) else {
                throw failure("cannot read '\(path)' named by 'extends' (permission denied or not UTF-8 text)")
            }
            text = contents
            link = self.link(for: path)
        } else if let entry = BuiltInScenarios.entry(named: reference) ?? BuiltInScenarios.entry(named: stem(of: reference)) {
            guard let contents = BuiltInScenarios.text(of: entry) else {
                throw failure("the built-in scenario '\(entry.name)' named by 'extends' is missing from the installation")
            }
            text = contents
            link = ExtendsLink(key: "built-in:\(entry.name)", name: entry.resource)
        } else {
            let builtIns = BuiltInScenarios.all.map(\.name).joined(separator: ", ")
            throw failure(
                "cannot find '\(reference)' named by 'extends' (looked for \(path)); expected a path relative to this file or a built-in name: \(builtIns)"
            )
        }
        if chain.contains(where: { $0.key == link.key }) {
            throw failure("'extends' makes a cycle: \((chain + [link]).map(\.name).joined(separator: " → "))")
        }
        do throws(DiagnosticList) {
            let root = try YAMLNode.parse(text, file: link.name)
            guard case .mapping(let pairs) = root.content, let kind = pairs.first(where: { $0.key.scalarText == "kind" })?.value else {
                throw DiagnosticList([Diagnostic("missing key 'kind'; a scenario named by 'extends' must be 'kind: network'", at: root.location)])
            }
            guard kind.scalarText == "network" else {
                throw DiagnosticList([
                    Diagnostic("expected 'kind: network' in a scenario named by 'extends', found \(kind.kindDescription)", at: kind.location)
                ])
            }
            return try network(root, file: link.name, chain: chain + [link])
        } catch {
            let note = Diagnostic("the scenario '\(reference)' named by 'extends' has errors (reported under \(link.name))", at: node.location)
            throw DiagnosticList(error.diagnostics + [note])
        }
    }

    /// `base` from `dir/base.yaml`.
    static func stem(of reference: String) -> String {
        let last = reference.split(separator: "/").last.map(String.init) ?? reference
        for suffix in [".yaml", ".yml"] where last.hasSuffix(suffix) { return String(last.dropLast(suffix.count)) }
        return last
    }
}
