import ArgumentParser
import OuroborosCore
import OuroborosEngine
import OuroborosExperiments
import OuroborosScenario

/// Options every experiment command takes.
struct ExperimentOptions: ParsableArguments {
    @Option(help: "Output format: table, csv or json (json: the inputs and every figure, no timings).")
    var format: OutputFormat = .table

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

/// Loading the network scenario an experiment runs on.
enum ExperimentScenario {
    /// The network scenario in `file` (a path or a built-in; the default built-in when nil), or a usage error.
    static func load(_ file: String?) throws -> NetworkScenario {
        try NetworkScenarioArgument.load(file, refusing: "experiments run network scenarios (kind: network)")
    }

    /// A calendar date `2026-01` as the period of `scenario` holding its first month (its last with
    /// `lastMonth`), or a usage error naming `option`.
    static func period(_ text: String, option: String, in scenario: NetworkScenario, lastMonth: Bool = false) throws -> Int {
        guard let date = try? CalendarPeriod(parsing: text) else {
            throw ValidationError("\(option) '\(text)': expected a date such as 2026-12, 2026Q4 or 2026")
        }
        let month = lastMonth ? date.lastMonth : date.firstMonth
        guard let period = scenario.calendar.period(containing: month) else {
            throw ValidationError("\(option) '\(text)': the date is outside the calendar \(scenario.calendar.horizonDescription)")
        }
        return period
    }
}

extension ExperimentScenario {
    /// `stress` for `scenarios/stress.yaml`, a built-in's name as is.
    static func shortName(_ file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        for suffix in [".yaml", ".yml"] where last.hasSuffix(suffix) { return String(last.dropLast(suffix.count)) }
        return last
    }
}
