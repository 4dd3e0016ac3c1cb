import Foundation

/// The worker's own part of `HOME/work`: `work/<worker-id>/` plus `work/<worker-id>.lock`, held
/// with `flock` for the life of the process. A work folder whose lock nobody holds belongs to a
/// worker that died; its claims are adopted (moved, atomically) and processed again.
///
/// Taking a file is one `rename(2)` from the inbox into a claim folder: of two workers racing
/// for a file exactly one succeeds. When the inbox is on another file system (a mounted share),
/// the file is first renamed to a hidden claim name inside the inbox (atomic there), then
/// copied into the work folder with fsync, then removed.
final class WorkFolder: @unchecked Sendable {
    let root: URL
    let workerID: String
    let folder: URL
    private let lockDescriptor: Int32
    private static let inboxClaimPrefix = ".invoice-worker-claim."

    init(root: URL) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        self.root = root
        workerID = "w" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        folder = root.appendingPathComponent(workerID, isDirectory: true)
        let lockPath = root.appendingPathComponent(workerID + ".lock").path
        // The lock first: a folder with no lock file is taken for a dead worker's. It is made and
        // locked under a name other workers do not probe, then renamed into place: a worker
        // probing `<id>.lock` for a dead owner (by locking it) must never find it unlocked, or
        // it would clear this live worker's lock and later adopt its claims.
        let pendingPath = root.appendingPathComponent("." + workerID + ".lock-new").path
        lockDescriptor = open(pendingPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard lockDescriptor >= 0, flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0, rename(pendingPath, lockPath) == 0 else {
            unlink(pendingPath)
            throw WorkerError.folder(root.path, "cannot hold a lock file")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        // A clean exit leaves nothing behind; claims still inside are kept for the next start.
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty ?? false {
            rmdir(folder.path)
            unlink(root.appendingPathComponent(workerID + ".lock").path)
        }
        close(lockDescriptor)
    }

    // MARK: Taking

    /// Moves `file` into a new claim folder; nil when another worker took it first (or it vanished).
    func claim(_ file: InboxFile, inbox: URL) throws -> Claim? {
        let id = UUID().uuidString.lowercased()
        let claimFolder = folder.appendingPathComponent(id, isDirectory: true)
        try FileManager.default.createDirectory(at: claimFolder, withIntermediateDirectories: false)
        let now = Date()
        try JSONEncoder().encode(ClaimNote(sourceFile: file.relativePath, receivedAt: now))
            .write(to: claimFolder.appendingPathComponent(ClaimNote.fileName))
        let target = claimFolder.appendingPathComponent(file.url.lastPathComponent)
        if rename(file.url.path, target.path) == 0 {
            return Claim(id: id, url: target, sourceFile: file.relativePath, receivedAt: now)
        }
        let error = errno
        if error == EXDEV {
            return try claimAcrossFileSystems(file, claimFolder: claimFolder, target: target, id: id, at: now)
        }
        try? FileManager.default.removeItem(at: claimFolder)
        if error == ENOENT { return nil }
        throw WorkerError.folder(file.url.deletingLastPathComponent().path,
                                 "does not let this user move \(file.relativePath) out (\(String(cString: strerror(error))))")
    }

    private func claimAcrossFileSystems(_ file: InboxFile, claimFolder: URL, target: URL, id: String, at now: Date) throws -> Claim? {
        let hidden = file.url.deletingLastPathComponent()
            .appendingPathComponent(Self.inboxClaimPrefix + workerID + "." + file.url.lastPathComponent)
        guard rename(file.url.path, hidden.path) == 0 else {
            try? FileManager.default.removeItem(at: claimFolder)
            return nil
        }
        try Self.copySynced(from: hidden, to: target)
        unlink(hidden.path)
        return Claim(id: id, url: target, sourceFile: file.relativePath, receivedAt: now)
    }

    static func copySynced(from source: URL, to target: URL) throws {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw WorkerError.folder(source.path, "cannot be read") }
        defer { close(input) }
        let output = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw WorkerError.folder(target.deletingLastPathComponent().path, "cannot be written") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0 { if errno == EINTR { continue }; throw WorkerError.folder(source.path, "cannot be read") }
            if got == 0 { break }
            var offset = 0
            while offset < got {
                let written = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, got - offset) }
                if written < 0 { if errno == EINTR { continue }; throw WorkerError.folder(target.path, "cannot be written") }
                offset += written
            }
        }
        guard fsync(output) == 0 else { throw WorkerError.folder(target.path, "cannot be synced to disk") }
    }

    // MARK: After a crash

    /// Claims left by this worker or by dead ones (adopted into this worker's folder), and
    /// hidden inbox claims of dead workers put back under their names. Safe to call often.
    func recover(inbox: URL) -> [Claim] {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: root.path)) ?? [] where name != workerID && name != workerID + ".lock" {
            let other = root.appendingPathComponent(name)
            if name.hasSuffix(".lock") {
                let owner = String(name.dropLast(5))
                let descriptor = open(other.path, O_RDWR | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                    adopt(root.appendingPathComponent(owner, isDirectory: true))
                    restoreInboxClaims(of: owner, inbox: inbox)
                    unlink(other.path)
                }
                close(descriptor)
            } else if !fileManager.fileExists(atPath: other.path + ".lock") {
                // A worker that died before it made its lock file, or whose lock was already cleared.
                adopt(other)
            }
        }
        var claims: [Claim] = []
        for id in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let claimFolder = folder.appendingPathComponent(id, isDirectory: true)
            let names = ((try? fileManager.contentsOfDirectory(atPath: claimFolder.path)) ?? []).filter { $0 != ClaimNote.fileName }
            guard let name = names.first else {
                try? fileManager.removeItem(at: claimFolder)  // crashed before the move
                continue
            }
            let note = (try? Data(contentsOf: claimFolder.appendingPathComponent(ClaimNote.fileName)))
                .flatMap { try? JSONDecoder().decode(ClaimNote.self, from: $0) }
            claims.append(Claim(id: id, url: claimFolder.appendingPathComponent(name), sourceFile: note?.sourceFile ?? name,
                                receivedAt: note?.receivedAt ?? Date()))
        }
        return claims.sorted { $0.receivedAt < $1.receivedAt }
    }

    private func adopt(_ other: URL) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: other.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        for id in (try? fileManager.contentsOfDirectory(atPath: other.path)) ?? [] {
            rename(other.appendingPathComponent(id).path, folder.appendingPathComponent(id).path)
        }
        rmdir(other.path)
    }

    private func restoreInboxClaims(of owner: String, inbox: URL) {
        let prefix = Self.inboxClaimPrefix + owner + "."
        guard let enumerator = FileManager.default.enumerator(atPath: inbox.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix(prefix) else { continue }
            let from = inbox.appendingPathComponent(relative)
            let to = from.deletingLastPathComponent().appendingPathComponent(String(name.dropFirst(prefix.count)))
            rename(from.path, to.path)
        }
    }

    /// Moves a claimed file that cannot be processed out to `folder` (its name kept, prefixed
    /// with the time), and drops the claim. Returns the new path.
    func setAside(_ claim: Claim, in folder: URL) -> String? {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("\(Int(Date().timeIntervalSince1970))-\(claim.url.lastPathComponent)")
        guard rename(claim.url.path, target.path) == 0 else { return nil }
        finish(claim)
        return target.path
    }

    /// Removes a claim whose record is committed.
    func finish(_ claim: Claim) {
        try? FileManager.default.removeItem(at: claim.folder)
    }
}
