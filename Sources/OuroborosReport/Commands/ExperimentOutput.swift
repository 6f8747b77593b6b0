/// What an experiment command answers: its output in the chosen format, notes for the person
/// running it (standard error on the command line), and whether it was cancelled before it was
/// done (its output then covers what was done, marked partial).
public struct ExperimentOutput: Sendable, Equatable {
    /// The results in the chosen format.
    public var text: String
    /// Notes beside the results, e.g. how to resume an interrupted experiment.
    public var notes: [String]
    /// True when cancelled before the end.
    public var interrupted: Bool

    /// Creates an answer.
    public init(text: String, notes: [String] = [], interrupted: Bool) {
        self.text = text
        self.notes = notes
        self.interrupted = interrupted
    }
}
