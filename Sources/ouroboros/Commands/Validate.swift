import ArgumentParser
import OuroborosExperiments
import OuroborosReport

extension Ouroboros {
    /// `ouroboros validate FILE`: check a file without running it.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario or model file and report every problem as FILE:LINE:COLUMN: error: MESSAGE.",
            discussion: "Exits 0 when the file is good, 65 when it has errors (printed on standard error)."
        )

        @Argument(help: "The model file (YAML) or a built-in name.")
        var file: String

        func run() async throws {
            try await ExitStatus.mapping {
                StandardStreams.out(try ScenarioValidation.check(ScenarioReference(file)))
            }
        }
    }
}
