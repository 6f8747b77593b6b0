import Dispatch
import Foundation
import OuroborosExperiments

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The write end of the pipe the SIGINT handler signals through (-1 when none is installed).
nonisolated(unsafe) private var interruptPipe: Int32 = -1

/// Ctrl-C during an experiment: the first SIGINT sets the experiment's cancellation flag (workers
/// finish the runs under way and take no more; the command prints what was done and exits 130);
/// the handler is installed when the runs begin and removed when they end (the progress line does
/// both, see `ProgressLine`), so a Ctrl-C before or after them stops the process.
///
/// The signal handler only writes a byte to a pipe (async-signal-safe); a thread of its own,
/// blocked reading the pipe, sets the flag. Neither a dispatch signal source nor a dispatch read
/// source would do: their handlers run on the global queue, which the experiment's workers (the
/// cooperative pool of an async command) keep busy until the experiment ends.
final class InterruptHandler: @unchecked Sendable {
    /// The flag the experiment watches.
    let flag = CancellationFlag()
    private let lock = NSLock()
    private var writeEnd: Int32?

    /// A handler not yet installed: `install()` when the experiment's runs begin.
    init() {}

    /// Installs the handler (once).
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard writeEnd == nil else { return }
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        let readEnd = ends[0]
        writeEnd = ends[1]
        let flag = self.flag
        let listener = Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1, byte == 1 {
                flag.cancel()
                FileHandle.standardError.write(Data("\ninterrupted: finishing the runs under way\n".utf8))
            }
            close(readEnd)
        }
        listener.start()
        interruptPipe = ends[1]
        signal(SIGINT) { _ in
            var byte: UInt8 = 1
            _ = write(interruptPipe, &byte, 1)
        }
    }

    /// Whether Ctrl-C was pressed.
    var interrupted: Bool { flag.isCancelled }

    /// Removes the handler, if installed, and restores the default action.
    func remove() {
        lock.lock()
        defer { lock.unlock() }
        guard let writeEnd else { return }
        signal(SIGINT, SIG_DFL)
        interruptPipe = -1
        var stop: UInt8 = 0
        _ = write(writeEnd, &stop, 1)  // ends the listening thread
        close(writeEnd)
        self.writeEnd = nil
    }
}
