import Foundation
import Glibc
import Logging
import Synchronization

/// Calls `notify` when a file is closed after writing or moved into a watched folder
/// (inotify `IN_CLOSE_WRITE`, `IN_MOVED_TO`; `IN_CREATE` for new subfolders). Runs on its own
/// thread, polling its descriptor so that `stop()` ends it promptly.
final class InotifyWatcher: Sendable {
    private let descriptor: Int32
    private let watched = Mutex<Set<String>>([])
    private let stopped = Atomic<Bool>(false)

    /// `notify` runs on the watcher's thread for every batch of events.
    init?(logger: Logger, notify: @escaping @Sendable () -> Void) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else {
            logger.warning("inotify is not available (\(String(cString: strerror(errno)))); the inbox is rescanned instead.")
            return nil
        }
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while !self.stopped.load(ordering: .relaxed) {
                guard poll(&poller, 1, 250) > 0 else { continue }
                let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if got > 0 { notify() }
            }
            close(descriptor)
        }
        thread.name = "inotify"
        thread.start()
    }

    /// Watches `folder` (once; later calls for the same folder do nothing).
    func watch(_ folder: URL) {
        let path = folder.path
        let isNew = watched.withLock { $0.insert(path).inserted }
        guard isNew else { return }
        _ = inotify_add_watch(descriptor, path, UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE))
    }

    func stop() { stopped.store(true, ordering: .relaxed) }
}
