public import OuroborosStore

/// `ouroboros runs --prune`: runs deleted from a store with their series and journals (never
/// one still being written by a live process).
public enum RunPruning {
    /// Deletes the runs `pruning` selects from the store at `path` (as `RunStore.path` resolves
    /// it) and returns what was deleted and kept, in words.
    public static func prune(_ pruning: RunStore.Pruning, path: String?, environment: [String: String]) throws(StoreError) -> String {
        guard let store = try RunStore.existing(path: path, environment: environment) else {
            if case .ids(let ids) = pruning, let first = ids.first { throw .unknownRun(first, path: RunStore.path(path, environment: environment)) }
            return "Deleted 0 runs: there is no run store at \(RunStore.path(path, environment: environment)).\n"
        }
        let result = try store.prune(pruning)
        let count = result.deleted.count
        var out = "Deleted \(count) run\(count == 1 ? "" : "s") (with their series and journals) from \(store.path)"
        let shown = result.deleted.prefix(20).map(\.description).joined(separator: ", ")
        out += count == 0 ? ".\n" : ": " + shown + (count > 20 ? ", … (\(count - 20) more)" : "") + ".\n"
        if !result.stillRunning.isEmpty {
            out +=
                "Kept \(result.stillRunning.count) still running in a live process: " + result.stillRunning.map(\.description).joined(separator: ", ")
                + ".\n"
        }
        return out
    }
}
