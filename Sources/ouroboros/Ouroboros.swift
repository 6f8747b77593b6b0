import ArgumentParser

/// `ouroboros`: simulate and analyse circular financing with stock-flow-consistent models.
@main
struct Ouroboros: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ouroboros",
        abstract: "Simulate circular AI-capex financing and Godley–Lavoie stock-flow-consistent models.",
        discussion: """
            Exit codes: 0 ok, 64 usage error, 65 bad input data (the file or model is wrong), 70 internal error. \
            `ouroboros run` with no file runs the built-in ai-capex-2025 network scenario and says whether the \
            financing loop holds or breaks, where and why; `ouroboros scenarios` lists the built-ins.
            """,
        version: OuroborosVersion.current,
        subcommands: [
            Run.self, Validate.self, Scenarios.self, Network.self, Report.self,
            Tipping.self, MonteCarlo.self, Sensitivity.self, Compare.self, Merge.self,
            Runs.self, Show.self, Export.self,
            Warnings.self,
        ]
    )
}
