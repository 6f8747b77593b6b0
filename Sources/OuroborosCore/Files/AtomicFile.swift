#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: systemMessage()) }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer -> String? in
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return systemMessage()
                }
                written += count
            }
            return nil
        }
        if let failure {
            close(descriptor)
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
        if fsync(descriptor) != 0 {
            let message = systemMessage()
            close(descriptor)
            unlink(temporary)
            throw WriteError(path: path, reason: message)
        }
        close(descriptor)
        if rename(temporary, path) != 0 {
            let message = systemMessage()
            unlink(temporary)
            throw WriteError(path: path, reason: message)
        }
    }

    /// `dir/.name.tmp-PID-RANDOM`: hidden, in the target's folder so that rename stays on one file system.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    private static func systemMessage() -> String { String(cString: strerror(errno)) }
}
