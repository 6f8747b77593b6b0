import Foundation
import OuroborosCore
public import OuroborosEngine
public import OuroborosScenario

/// What a command names as its scenario: a file path or the name of a built-in (the default
/// built-in when none is given), as `ScenarioLoader.resolve` reads it.
public struct ScenarioReference: Sendable, Hashable {
    /// The path or built-in name as given.
    public var name: String

    /// The scenario `name` names; the default built-in, `ai-capex-2025`, when nil.
    public init(_ name: String?) { self.name = name ?? BuiltInScenarios.defaultName }

    /// The scenario or model, read and checked.
    public func load() throws(ScenarioLoadError) -> ScenarioDocument {
        try ScenarioLoader.resolve(name)
    }

    /// The network scenario; an equation model is a `RequestError` that ends with `refusing`
    /// (what the command runs instead).
    public func loadNetwork(refusing: String) throws -> NetworkScenario {
        switch try load() {
        case .network(let scenario): return scenario
        case .equations: throw RequestError("'\(name)' is an equation model; \(refusing)")
        }
    }

    /// The network scenario an experiment runs on.
    public func loadForExperiment() throws -> NetworkScenario {
        try loadNetwork(refusing: "experiments run network scenarios (kind: network)")
    }

    /// The text `load()` reads: a built-in's resource, else the file's (empty when unreadable).
    public var text: String {
        if let entry = builtIn { return BuiltInScenarios.text(of: entry) ?? "" }
        return (try? String(contentsOfFile: name, encoding: .utf8)) ?? ""
    }

    /// The file name the text is parsed as (so that its `extends:` resolves the same way again):
    /// a built-in's resource, else the file's absolute path.
    public var parsedFile: String {
        if let entry = builtIn { return entry.resource }
        return URL(fileURLWithPath: name).standardizedFileURL.path
    }

    /// The built-in `name` names, unless a file of that name exists (a file wins, as in `resolve`).
    private var builtIn: BuiltInScenario? {
        guard let entry = BuiltInScenarios.entry(named: name), !FileManager.default.fileExists(atPath: name) else { return nil }
        return entry
    }

    /// `stress` for `scenarios/stress.yaml`, a built-in's name as is: a column label.
    public var shortName: String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        for suffix in [".yaml", ".yml"] where last.hasSuffix(suffix) { return String(last.dropLast(suffix.count)) }
        return last
    }
}

extension NetworkScenario {
    /// The period holding the first month of the date `text` (`2026-01`, `2026Q4`, `2026`; its
    /// last month with `lastMonth`), or a `RequestError` naming `option`.
    public func period(of text: String, option: String, lastMonth: Bool = false) throws(RequestError) -> Int {
        guard let date = try? CalendarPeriod(parsing: text) else {
            throw RequestError("\(option) '\(text)': expected a date such as 2026-12, 2026Q4 or 2026")
        }
        guard let period = calendar.period(containing: lastMonth ? date.lastMonth : date.firstMonth) else {
            throw RequestError("\(option) '\(text)': the date is outside the calendar \(calendar.horizonDescription)")
        }
        return period
    }
}
