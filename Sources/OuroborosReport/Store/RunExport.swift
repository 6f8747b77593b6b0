import OuroborosCore
public import OuroborosStore

/// `ouroboros export`: a recorded run as its CSV (byte for byte what the run printed), as JSON
/// (everything recorded), or as a standalone SQLite store holding this run only.
public struct RunExport: Sendable {
    /// What to write.
    public enum Format: String, CaseIterable, Sendable {
        /// The run's CSV.
        case csv
        /// One JSON object: metadata, summary, scenario text, series, experiment journal.
        case json
        /// A standalone run store (needs a file).
        case sqlite
    }

    /// The run.
    public var id: RunID
    /// What to write.
    public var format: Format
    /// The file to write atomically; nil: the text is returned.
    public var out: String?

    /// An export of run `id`.
    public init(id: RunID, format: Format, out: String?) {
        self.id = id
        self.format = format
        self.out = out
    }

    /// Exports from the store at `path`; returns the text when no file was given, else nothing.
    /// A file that cannot be written is a `RequestFileError`.
    public func run(path: String?, environment: [String: String]) throws -> String? {
        let store = try RunStore.existing(path: path, environment: environment, holding: id)
        let text: String
        switch format {
        case .sqlite:
            try store.exportDatabase(of: id, to: out ?? "")
            return nil
        case .csv: text = try store.exportCSV(of: id)
        case .json: text = try store.exportJSON(of: id)
        }
        guard let out else { return text }
        do {
            try AtomicFile.write(text, to: out)
        } catch {
            throw RequestFileError("\(error)")
        }
        return nil
    }
}
