import Foundation
import Testing

/// Several processes on one store: concurrent writers, and a writer killed with SIGKILL.
@Suite("ouroboros run store under concurrency and crashes")
struct StoreConcurrencyTests {
    /// Runs the commands at the same time, each in its own process, and returns their outcomes.
    static func simultaneously(_ commands: [[String]]) -> [Result<CLIProcess.Outcome, any Error>] {
        let results = Results(count: commands.count)
        DispatchQueue.concurrentPerform(iterations: commands.count) { i in
            results.set(i, Result { try CLIProcess.run(commands[i]) })
        }
        return results.all
    }

    @Test(
        "two `ouroboros run` writing to the same new store at once both succeed and both runs are recorded",
        arguments: [["sim", "--periods", "200", "--format", "csv"], ["--format", "csv"]])
    func concurrentWriters(_ run: [String]) throws {
        for _ in 0..<3 {
            let store = try CLIProcess.scratch([:]).appendingPathComponent("same.sqlite").path
            for round in 0..<2 {  // a store being created, then one that exists
                let outcomes = Self.simultaneously([["run"] + run + ["--store", store], ["run"] + run + ["--store", store]])
                for result in outcomes {
                    let outcome = try result.get()
                    #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
                }
                let listed = try CLIProcess.run(["runs", "--format", "csv", "--store", store])
                let rows = StoreCommandTests.csvRows(listed.stdout)
                #expect(rows.count == 2 * (round + 1))
                #expect(rows.allSatisfy { $0[5] == "finished" })
                // both exports reproduce what their processes printed
                let printed = Set(try outcomes.map { try $0.get().stdout })
                let exported = Set(try rows.prefix(2).map { try CLIProcess.run(["export", $0[0], "--store", store]).stdout })
                #expect(printed == exported)
            }
        }
    }

    @Test("a run killed with SIGKILL leaves a store that opens cleanly, keeps every finished run and shows the killed one as interrupted")
    func killedWriter() throws {
        let store = try CLIProcess.scratch([:]).appendingPathComponent("runs.sqlite").path
        #expect(try CLIProcess.run(["run", "sim", "--periods", "20", "--store", store]).status == 0)
        let finished = try CLIProcess.run(["export", "1", "--store", store]).stdout

        let victim = Process()
        victim.executableURL = CLIProcess.executable
        victim.arguments = ["run", "sim", "--periods", "1000000", "--format", "csv", "--store", store]
        victim.standardOutput = FileHandle.nullDevice
        victim.standardError = FileHandle.nullDevice
        try victim.run()
        // wait until the run is recorded as running, then kill it mid-simulation
        var running = false
        for _ in 0..<600 where !running {
            Thread.sleep(forTimeInterval: 0.05)
            let rows = StoreCommandTests.csvRows(try CLIProcess.run(["runs", "--format", "csv", "--store", store]).stdout)
            running = rows.contains { $0[0] == "2" && $0[5] == "running" }
        }
        #expect(running)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)

        let rows = StoreCommandTests.csvRows(try CLIProcess.run(["runs", "--format", "csv", "--store", store]).stdout)
        #expect(rows.map { $0[0] } == ["2", "1"])
        #expect(rows.first?[5] == "interrupted")
        #expect(rows.last?[5] == "finished")
        #expect(try CLIProcess.run(["export", "1", "--store", store]).stdout == finished)
        // the store takes new runs, and pruning removes the interrupted one
        #expect(try CLIProcess.run(["run", "sim", "--periods", "3", "--store", store]).status == 0)
        #expect(try CLIProcess.run(["runs", "--prune", "--id", "2", "--store", store]).stdout.hasPrefix("Deleted 1 run "))
    }
}

/// Outcomes filled in from concurrent threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<CLIProcess.Outcome, any Error>]
    init(count: Int) { items = Array(repeating: .failure(CancellationError()), count: count) }
    func set(_ i: Int, _ result: Result<CLIProcess.Outcome, any Error>) {
        lock.lock()
        items[i] = result
        lock.unlock()
    }
    var all: [Result<CLIProcess.Outcome, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
