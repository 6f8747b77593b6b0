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

    /// The open store, or nil with `--no-store`.
    func open() throws -> RunStore? {
        if noStore { return nil }
        if let path { return try RunStore(path: path) }
        let location = RunStore.location(environment: ProcessInfo.processInfo.environment)
        return try RunStore(path: location.path, createFolder: location.isDefault)
    }
}

/// `--store PATH` of the commands that read the store (`runs`, `show`, `export`).
struct StoreLocation: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The run store to read (default: $OUROBOROS_STORE, else ~/.ouroboros/runs.sqlite).", valueName: "path"))
    var path: String?

    /// The store's path.
    var resolvedPath: String { path ?? RunStore.location(environment: ProcessInfo.processInfo.environment).path }

    /// The open store, or nil when no store file exists there yet (reading never creates one).
    func openExisting() throws -> RunStore? {
        let path = resolvedPath
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try RunStore(path: path)
    }

    /// The open store; an error naming the run when there is no store at all.
    func open(for id: RunID) throws -> RunStore {
        guard let store = try openExisting() else { throw StoreError.unknownRun(id, path: resolvedPath) }
        return store
    }
}
