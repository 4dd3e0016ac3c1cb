import Foundation
import Glibc
import CoreFoundation
import Logging

/// Looks through the inbox for files ready to take. A file is ready when it is a regular file
/// that is not ignored, its size and times have been seen unchanged for `settleSeconds`
/// (across two looks, so a writer on a share with a wrong clock is still waited for), and it
/// opens as a whole document — or has stayed unchanged but incomplete for `incompleteTimeout`.
/// Symlinks, devices and FIFOs are never followed: they are moved out to `HOME/refused`.
final class InboxScanner {
    struct Result {
        /// Ready files, oldest first (by modification time).
        var ready: [InboxFile] = []
        /// Files seen but not yet settled or complete.
        var waiting = 0
        /// Seconds until the earliest waiting file may be ready.
        var nextCheck: Double?
        /// New subfolders (for the inotify watcher).
        var folders: [URL] = []
    }

    private struct Observation: Equatable {
        var size: Int64, modified: Double, changed: Double, inode: UInt64
    }

    let configuration: WorkerConfiguration
    let logger: Logger
    private var seen: [String: (observation: Observation, since: Double)] = [:]

    init(configuration: WorkerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Names a scanner, a mail client or an operating system leaves while writing, or for itself.
    static func isIgnored(_ name: String) -> Bool {
        let lower = name.lowercased()
        if name.hasPrefix(".") || name.hasPrefix("~$") { return true }
        if ["thumbs.db", "desktop.ini", ".ds_store"].contains(lower) { return true }
        return [".part", ".crdownload", ".tmp", ".partial", ".download"].contains { lower.hasSuffix($0) }
    }

    func scan(now: Double = Date().timeIntervalSince1970) -> Result {
        var result = Result()
        var present: Set<String> = []
        walk(configuration.inbox, relative: "", into: &result, present: &present, now: now)
        seen = seen.filter { present.contains($0.key) }
        result.ready.sort { ($0.modified, $0.relativePath) < ($1.modified, $1.relativePath) }
        return result
    }

    private func walk(_ folder: URL, relative: String, into result: inout Result, present: inout Set<String>, now: Double) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where !Self.isIgnored(name) {
            let url = folder.appendingPathComponent(name)
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                present.insert(url.path)
                let file = InboxFile(url: url, relativePath: relativePath, size: Int64(info.st_size),
                                     modified: Self.seconds(info.st_mtim), changed: Self.seconds(info.st_ctim),
                                     inode: UInt64(info.st_ino))
                judge(file, into: &result, now: now)
            case S_IFDIR:
                if configuration.subfolders {
                    result.folders.append(url)
                    walk(url, relative: relativePath, into: &result, present: &present, now: now)
                }
            default:
                refuse(url, relativePath: relativePath, kind: info.st_mode & S_IFMT)
            }
        }
    }

    private func judge(_ file: InboxFile, into result: inout Result, now: Double) {
        let observation = Observation(size: file.size, modified: file.modified, changed: file.changed, inode: file.inode)
        let since: Double
        if let previous = seen[file.url.path], previous.observation == observation {
            since = previous.since
        } else {
            since = now
            seen[file.url.path] = (observation, now)
        }
        let settle = configuration.settleSeconds
        let quiet = min(now - since, now - file.lastChange)
        // Seen unchanged for the settle time by our own clock, and not touched for it by the file's.
        let settled = settle == 0 || (now - since >= settle && now - file.lastChange >= settle)
        guard settled else {
            result.waiting += 1
            let remaining = settle - quiet
            result.nextCheck = min(result.nextCheck ?? remaining, max(0.05, remaining))
            return
        }
        if FileCompleteness.isComplete(path: file.url.path, size: file.size) || now - since >= configuration.incompleteTimeout {
            result.ready.append(file)
        } else {
            result.waiting += 1
            let remaining = configuration.incompleteTimeout - (now - since)
            result.nextCheck = min(result.nextCheck ?? remaining, max(0.05, min(remaining, max(settle, 0.5))))
        }
    }

    /// Moves a symlink, device, FIFO or socket out of the inbox (rename moves the entry itself,
    /// never what a link points to), so it is not met again on every scan.
    private func refuse(_ url: URL, relativePath: String, kind: mode_t) {
        let what = switch kind {
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        default: "a device"
        }
        let folder = configuration.refusedFolder
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("\(Int(Date().timeIntervalSince1970))-\(UUID().uuidString.prefix(8))-\(url.lastPathComponent)")
        if rename(url.path, target.path) == 0 {
            logger.warning("Refused \(relativePath): it is \(what), not a regular file; moved to \(target.path). Put the file itself in the inbox.")
        } else {
            logger.warning("Refused \(relativePath): it is \(what), not a regular file, and could not be moved out of the inbox.")
        }
    }

    static func seconds(_ time: timespec) -> Double { Double(time.tv_sec) + Double(time.tv_nsec) / 1e9 }
}
