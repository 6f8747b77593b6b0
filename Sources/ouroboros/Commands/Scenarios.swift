import ArgumentParser
import OuroborosReport
import OuroborosScenario

extension Ouroboros {
    /// `ouroboros scenarios`: list the built-in models and scenarios.
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in models and scenarios (run one with `ouroboros run NAME`)."
        )

        func run() throws {
            var table = TextTable(header: ["name", "kind", "description"], textColumns: [1, 2])
            for entry in BuiltInScenarios.all {
                let name = entry.name == BuiltInScenarios.defaultName ? entry.name + " (default)" : entry.name
                table.rows.append([name, entry.kind, entry.title])
            }
            StandardStreams.out(table.rendered())
        }
    }
}
