import ArgumentParser
import OuroborosReport

extension ExperimentOutput {
    /// Prints the results and the notes; an interrupted experiment then exits 130.
    func print() throws {
        StandardStreams.out(text)
        for note in notes { StandardStreams.err(note) }
        if interrupted { throw ExitStatus.interrupted }
    }
}
