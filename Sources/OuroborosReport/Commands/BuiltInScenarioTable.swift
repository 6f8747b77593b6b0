import OuroborosScenario

/// `ouroboros scenarios`: the built-in models and scenarios.
public enum BuiltInScenarioTable {
    /// The table: name (the default marked), kind, description.
    public static func rendered() -> String {
        var table = TextTable(header: ["name", "kind", "description"], textColumns: [1, 2])
        for entry in BuiltInScenarios.all {
            let name = entry.name == BuiltInScenarios.defaultName ? entry.name + " (default)" : entry.name
            table.rows.append([name, entry.kind, entry.title])
        }
        return table.rendered()
    }
}
