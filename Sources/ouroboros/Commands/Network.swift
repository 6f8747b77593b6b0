import ArgumentParser
import OuroborosReport

extension Ouroboros {
    /// `ouroboros network …`: the graph kernels on CSV files, one command per kernel.
    struct Network: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a network kernel (components, cycles, funds tracing, clearing, DebtRank, fire sales) on CSV files.",
            discussion: """
                Every input is a CSV file (RFC 4180) whose first line is exactly the header shown in each \
                command's help; every output is CSV with a header on standard output, numbers at full \
                precision, one row per entity in the order entities first appear in the input (the first \
                file named, top to bottom, then the next). Bad input is reported as FILE:LINE:COLUMN on \
                standard error with exit code 65 and nothing on standard output.
                """,
            subcommands: [
                NetworkSCC.self, NetworkCycles.self, NetworkTrace.self,
                NetworkClear.self, NetworkDebtRank.self, NetworkFireSale.self,
            ]
        )
    }
}

extension NetworkKernelRun.Output {
    /// Prints the CSV, then the notes on standard error.
    func print() {
        StandardStreams.out(csv)
        for note in notes { StandardStreams.err(note) }
    }
}
