import ArgumentParser
import OuroborosReport

extension Ouroboros {
    /// `ouroboros scenarios`: list the built-in models and scenarios.
    struct Scenarios: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the built-in models and scenarios (run one with `ouroboros run NAME`)."
        )

        func run() throws {
            StandardStreams.out(BuiltInScenarioTable.rendered())
        }
    }
}
