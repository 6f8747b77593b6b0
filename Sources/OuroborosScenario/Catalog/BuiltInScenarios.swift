import Foundation

/// One model or scenario that ships with Ouroboros.
public struct BuiltInScenario: Sendable, Hashable {
    /// The name to type: `ouroboros run NAME`.
    public var name: String
    /// `equations` or `network`.
    public var kind: String
    /// What it is, in one line.
    public var title: String
    /// The resource file, e.g. `BuiltIn/pc.yaml`.
    public var resource: String
}

/// The catalogue of built-in models and scenarios, shipped as package resources.
public enum BuiltInScenarios {
    /// Every built-in, default first.
    public static let all: [BuiltInScenario] = [
        BuiltInScenario(
            name: "ai-capex-2025", kind: "network",
            title: "The 2025 AI-capex network: 29 firms and funds, 105 dated deals from reported figures (assumptions marked)",
            resource: "BuiltIn/ai-capex-2025.yaml"),
        BuiltInScenario(
            name: "pc", kind: "equations",
            title: "Godley & Lavoie model PC: government money with portfolio choice (Monetary Economics, ch. 4)",
            resource: "BuiltIn/pc.yaml"),
        BuiltInScenario(
            name: "sim", kind: "equations",
            title: "Godley & Lavoie model SIM: the simplest model with government money (ch. 3)",
            resource: "BuiltIn/sim.yaml"),
        BuiltInScenario(
            name: "simex", kind: "equations",
            title: "Godley & Lavoie model SIMEX: SIM with expected disposable income (ch. 3.7)",
            resource: "BuiltIn/simex.yaml"),
    ]

    /// What `ouroboros run` runs with no file argument.
    public static let defaultName = "ai-capex-2025"

    /// The built-in called `name` (case-insensitive), if any.
    public static func entry(named name: String) -> BuiltInScenario? {
        all.first { $0.name == name.lowercased() }
    }

    /// The YAML text of a built-in.
    public static func text(of entry: BuiltInScenario) -> String? {
        let file = String(entry.resource.dropFirst("BuiltIn/".count))
        let stem = String(file.dropLast(".yaml".count))
        guard
            let url = Bundle.module.url(forResource: stem, withExtension: "yaml", subdirectory: "BuiltIn")
                ?? Bundle.module.url(forResource: stem, withExtension: "yaml")
        else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
