#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library, in one place: the elementary functions, the process, the clock and UTC calendar,
/// durable file writes and memory advice that the package uses. Nothing else imports Glibc or Darwin
/// (but the command line's Ctrl-C handler, which owns the process's signals).
public enum CLibrary {
    // MARK: Elementary functions

    /// e^x.
    public static func exp(_ x: Double) -> Double { cExp(x) }
    /// The natural logarithm.
    public static func log(_ x: Double) -> Double { cLog(x) }
    /// x^y.
    public static func pow(_ x: Double, _ y: Double) -> Double { cPow(x, y) }
    /// The cosine.
    public static func cos(_ x: Double) -> Double { cCos(x) }
    /// The complementary error function.
    public static func erfc(_ x: Double) -> Double { cErfc(x) }

    // MARK: The process

    /// This process's id.
    public static var processID: Int32 { getpid() }

    /// Whether no process with id `pid` exists any more (false for this process, and when one exists but is not ours to signal).
    public static func processIsGone(_ pid: Int32) -> Bool {
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    // MARK: The clock and the UTC calendar

    /// Now, as seconds since 1970-01-01 UTC and the milliseconds within the second.
    public static func now() -> (seconds: Int, milliseconds: Int) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return (Int(spec.tv_sec), Int(spec.tv_nsec) / 1_000_000)
    }

    /// The UTC calendar date and time of `seconds` since 1970-01-01 UTC.
    public static func utcComponents(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return (
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
            Int(parts.tm_sec)
        )
    }

    /// Seconds since 1970-01-01 UTC of a UTC calendar date and time (out-of-range fields roll over, as `timegm` does).
    public static func utcSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Int(timegm(&parts))
    }

    // MARK: Files

    /// Creates `path` for writing, failing if it exists; a descriptor, or the system's message.
    public static func createExclusively(_ path: String) -> Result<Int32, FileFailure> {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        return descriptor >= 0 ? .success(descriptor) : .failure(FileFailure())
    }

    /// Writes all of `bytes` to `descriptor` (retrying interrupted writes).
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> FileFailure? {
        var written = 0
        while written < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return FileFailure()
            }
            written += count
        }
        return nil
    }

    /// Flushes `descriptor` to the disk.
    public static func flush(_ descriptor: Int32) -> FileFailure? { fsync(descriptor) == 0 ? nil : FileFailure() }

    /// Closes `descriptor`.
    public static func closeFile(_ descriptor: Int32) { close(descriptor) }

    /// Renames `from` to `to`, replacing it (atomic within one file system).
    public static func replace(_ to: String, with from: String) -> FileFailure? { rename(from, to) == 0 ? nil : FileFailure() }

    /// Whether this process may write to `path` (and, with `read`, read it too).
    public static func mayWrite(_ path: String, read: Bool = false) -> Bool {
        access(path, read ? (R_OK | W_OK) : W_OK) == 0
    }

    /// Whether `a` and `b` name the same existing file (device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    /// Removes `path` (its failure ignored: used to clean up).
    public static func remove(_ path: String) { unlink(path) }

    /// A failed system call, with the system's message (`strerror(errno)` when it happened).
    public struct FileFailure: Error, Sendable, Equatable {
        /// The system's message, e.g. `No such file or directory`.
        public let message: String

        init() { message = String(cString: strerror(errno)) }
    }

    // MARK: Memory

    /// Asks the kernel to back `count` bytes at `address` (2 MiB aligned) with huge pages; ignored where unsupported.
    public static func adviseHugePages(_ address: UnsafeMutableRawPointer, _ count: Int) {
        #if canImport(Glibc)
            _ = madvise(address, count, Int32(MADV_HUGEPAGE))
        #endif
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #elseif canImport(Musl)
            Musl.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }
}

@inline(__always) private func cExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func cCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func cErfc(_ x: Double) -> Double { erfc(x) }
