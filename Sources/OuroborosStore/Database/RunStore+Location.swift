import Foundation

extension RunStore {
    /// The store's path: `path` (`--store PATH`) when given, else `location(environment:)`'s.
    public static func path(_ path: String?, environment: [String: String]) -> String {
        path ?? location(environment: environment).path
    }

    /// The store a command records in, opened (created when missing) before any work, so that a
    /// store that cannot be used stops the command at once: `path` when given, else
    /// `$OUROBOROS_STORE`, else `~/.ouroboros/runs.sqlite`, whose folder is created.
    public static func forRecording(path: String?, environment: [String: String]) throws(StoreError) -> RunStore {
        if let path { return try RunStore(path: path) }
        let location = location(environment: environment)
        return try RunStore(path: location.path, createFolder: location.isDefault)
    }

    /// The store at `path` (as `path(_:environment:)` resolves it) opened for reading, or nil
    /// when no store file exists there yet: reading never creates one.
    public static func existing(path: String?, environment: [String: String]) throws(StoreError) -> RunStore? {
        let resolved = Self.path(path, environment: environment)
        guard FileManager.default.fileExists(atPath: resolved) else { return nil }
        return try RunStore(path: resolved)
    }

    /// The existing store that must hold run `id`: an unknown run when there is no store at all.
    public static func existing(path: String?, environment: [String: String], holding id: RunID) throws(StoreError) -> RunStore {
        guard let store = try existing(path: path, environment: environment) else {
            throw .unknownRun(id, path: Self.path(path, environment: environment))
        }
        return store
    }
}
