/// A file written all at once or not at all: the bytes go to a temporary file in the same
/// folder, are flushed to disk, and the temporary file is renamed over the target. A crash or
/// a kill at any point leaves either the old file or the complete new one, never half of one.
public enum AtomicFile {
    /// Why a file could not be written.
    public struct WriteError: Error, CustomStringConvertible, Sendable, Equatable {
        /// The file that was to be written.
        public var path: String
        /// What failed, in words.
        public var reason: String
        /// `path: cannot write: reason`.
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to `path` atomically (temporary file in the same folder, fsync, rename).
    public static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        guard !path.isEmpty else { throw WriteError(path: path, reason: "empty path") }
        let temporary = temporaryPath(for: path)
        let descriptor: Int32
        switch CLibrary.createExclusively(temporary) {
        case .success(let opened): descriptor = opened
        case .failure(let failure): throw WriteError(path: path, reason: failure.message)
        }
        if let failure = bytes.withUnsafeBytes({ CLibrary.writeAll(descriptor, $0) }) ?? CLibrary.flush(descriptor) {
            CLibrary.closeFile(descriptor)
            CLibrary.remove(temporary)
            throw WriteError(path: path, reason: failure.message)
        }
        CLibrary.closeFile(descriptor)
        if let failure = CLibrary.replace(path, with: temporary) {
            CLibrary.remove(temporary)
            throw WriteError(path: path, reason: failure.message)
        }
    }

    /// `dir/.name.tmp-PID-RANDOM`: hidden, in the target's folder so that rename stays on one file system.
    public static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).tmp-\(CLibrary.processID)-\(UInt32.random(in: 0...UInt32.max))"
    }
}
