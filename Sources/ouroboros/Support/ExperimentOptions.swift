import ArgumentParser
import OuroborosExperiments
import OuroborosReport

/// Options every experiment command takes.
struct ExperimentOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json (json: the inputs and every figure, no timings).")
    var format: TextFormat = .table

    @Flag(help: "No progress line.")
    var quiet = false

    @Option(help: "Worker threads (default: the number of cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("--threads must be between 1 and 1024, found \(threads)")
        }
    }

    /// The threads to use.
    var workerThreads: Int { threads ?? ParallelRuns.defaultThreads }
}
