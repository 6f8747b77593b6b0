import Dispatch
import Foundation
import OuroborosExperiments

/// Ctrl-C during an experiment: the first SIGINT sets the experiment's cancellation flag (workers
/// finish the runs under way and take no more; the command prints what was done and exits 130);
/// the handler is removed when the experiment ends, so a second Ctrl-C afterwards stops the process.
final class InterruptHandler: @unchecked Sendable {
    /// The flag the experiment watches.
    let flag = CancellationFlag()
    private let source: any DispatchSourceSignal

    /// Installs the handler.
    init() {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        let flag = self.flag
        source.setEventHandler {
            flag.cancel()
            FileHandle.standardError.write(Data("\ninterrupted: finishing the runs under way\n".utf8))
        }
        source.resume()
    }

    /// Whether Ctrl-C was pressed.
    var interrupted: Bool { flag.isCancelled }

    /// Removes the handler and restores the default action.
    func remove() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
