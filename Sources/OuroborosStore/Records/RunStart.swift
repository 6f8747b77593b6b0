/// What is known about a run when it begins: what runs, on what, how it was asked for.
public struct RunStart: Sendable, Equatable {
    /// What kind of run.
    public var kind: RunKind
    /// The scenario or model's name, e.g. `ai-capex-2025` or `SIM`.
    public var scenarioName: String
    /// The scenario or model file's full text, kept so that the run can be reproduced.
    public var scenarioText: String
    /// The command line that started the run, program name first.
    public var commandLine: [String]
    /// The seed of the random generator, when the run draws random numbers.
    public var seed: UInt64?
    /// The version of Ouroboros that ran it.
    public var toolVersion: String

    /// Creates the description of a run about to begin.
    public init(kind: RunKind, scenarioName: String, scenarioText: String, commandLine: [String], seed: UInt64?, toolVersion: String) {
        self.kind = kind
        self.scenarioName = scenarioName
        self.scenarioText = scenarioText
        self.commandLine = commandLine
        self.seed = seed
        self.toolVersion = toolVersion
    }
}
