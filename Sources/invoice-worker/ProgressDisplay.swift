import Foundation
import InvoiceWorker
import Logging
import Synchronization

/// Progress of `run --once`: a bar redrawn on stderr when it is a terminal, otherwise a log
/// line at most every ten seconds.
final class ProgressDisplay: Sendable {
    let interactive: Bool
    let logger: Logger
    private let last = Mutex<ContinuousClock.Instant?>(nil)
    private let drawn = Atomic<Bool>(false)

    init(interactive: Bool, logger: Logger) {
        self.interactive = interactive
        self.logger = logger
    }

    func update(_ summary: RunSummary) {
        if interactive {
            let total = max(summary.found, summary.files)
            let width = 30
            let filled = total > 0 ? width * summary.files / total : 0
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = "\r\(bar) \(summary.files)/\(total)  \(RunMessages.counts(summary))\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
            drawn.store(true, ordering: .relaxed)
            return
        }
        let due = last.withLock { last in
            guard last.map({ $0.duration(to: .now) >= .seconds(10) }) ?? true else { return false }
            last = .now
            return true
        }
        if due { logger.info("Progress: \(summary.files) of \(max(summary.found, summary.files)) files; \(RunMessages.counts(summary))") }
    }

    /// Ends the bar's line so that what follows starts on its own.
    func finish() {
        if drawn.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
