import ArgumentParser
import Foundation
import OuroborosStore

/// `--store PATH` and `--no-store`, shared by every command that records its run.
///
/// The store is the file given with `--store`, else `$OUROBOROS_STORE`, else
/// `~/.ouroboros/runs.sqlite` (whose folder is created). It is opened before any work, so a
/// store that cannot be used stops the command at once (exit 64 for a bad path, 65 for a file
/// that is not a usable store) instead of after a long computation.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The run store to record in (default: $OUROBOROS_STORE, else ~/.ouroboros/runs.sqlite).", valueName: "path"))
    var path: String?

    @Flag(name: .customLong("no-store"), help: "Record nothing in the run store.")
    var noStore = false

    func validate() throws {
        if noStore, path != nil {
            throw ValidationError("--store and --no-store contradict each other; give one of them")
        }
    }

    /// The recording of this command's run, its store opened now (none with `--no-store`).
    func recording() throws -> RunRecording {
        let store = noStore ? nil : try RunStore.forRecording(path: path, environment: ProcessInfo.processInfo.environment)
        return RunRecording(store: store, commandLine: Self.commandLine, toolVersion: OuroborosVersion.current)
    }

    /// The command line as recorded, program name `ouroboros` first.
    static var commandLine: [String] { ["ouroboros"] + CommandLine.arguments.dropFirst() }
}

/// `--store PATH` of the commands that read the store (`runs`, `show`, `export`).
struct StoreLocation: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The run store to read (default: $OUROBOROS_STORE, else ~/.ouroboros/runs.sqlite).", valueName: "path"))
    var path: String?

    /// The environment the default store is found in.
    var environment: [String: String] { ProcessInfo.processInfo.environment }
}
