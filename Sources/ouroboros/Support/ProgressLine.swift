import Foundation
import OuroborosCore
import OuroborosExperiments

/// The live progress line of an experiment on standard error — `1,234/10,000 runs  187/s  47 s left` —
/// redrawn with `\r` at most five times a second, only when standard output is a terminal and the
/// command was not given `--quiet`. `finish()` clears it. The experiment's runs go from `begin`
/// to `finish`, so the Ctrl-C handler is installed and removed there.
final class ProgressLine: ExperimentProgress, @unchecked Sendable {
    private let enabled: Bool
    private let interrupt: InterruptHandler?
    private let lock = NSLock()
    private var total = 0
    private var noun = "runs"
    private var done = 0
    private var start = Date()
    private var lastDrawn = Date.distantPast
    private var drawnWidth = 0

    /// A progress line, drawn unless `quiet` or standard output is not a terminal, that installs
    /// `interrupt` while the runs go on.
    init(quiet: Bool, interrupt: InterruptHandler? = nil) {
        enabled = !quiet && isatty(STDOUT_FILENO) == 1
        self.interrupt = interrupt
    }

    func begin(total: Int, noun: String) {
        interrupt?.install()
        lock.lock()
        defer { lock.unlock() }
        self.total = total
        self.noun = noun
        start = Date()
    }

    /// Counts one finished unit; redraws when due. Safe from any worker thread.
    func advance() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.2 || done == total else { return }
        lastDrawn = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        let line =
            total > 0
            ? "\(NumberText.grouped(done))/\(NumberText.grouped(total)) \(noun)  \(Int(rate.rounded()))/s  \(Self.duration(left)) left"
            : "\(NumberText.grouped(done)) \(noun)  \(Int(rate.rounded()))/s"
        let padding = String(repeating: " ", count: max(0, drawnWidth - line.count))
        drawnWidth = line.count
        FileHandle.standardError.write(Data(("\r" + line + padding).utf8))
    }

    /// Clears the line (and removes the Ctrl-C handler).
    func finish() {
        interrupt?.remove()
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard drawnWidth > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: drawnWidth) + "\r").utf8))
        drawnWidth = 0
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s < 120 ? "\(s) s" : "\(s / 60) min \(s % 60) s"
    }
}
