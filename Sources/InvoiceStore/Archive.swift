public import Foundation
import Crypto

/// The content-addressed archive of originals: `archive/ab/cd/<sha256>`, read-only, fsynced
/// before the database records the document, never modified or deleted.
public struct Archive: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    /// Where the original with this hash lives.
    public func url(for sha256: String) -> URL {
        let characters = Array(sha256)
        return root.appendingPathComponent(String(characters[0..<2]), isDirectory: true)
            .appendingPathComponent(String(characters[2..<4]), isDirectory: true)
            .appendingPathComponent(sha256)
    }

    /// The SHA-256 of `data` as lowercase hex.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Stores the file at `url` under its hash, reading it once in 1 MiB blocks (hashing while
    /// copying), so a file of any size is archived in bounded memory. Returns its hash and size.
    public func store(fileAt url: URL) throws -> (sha256: String, size: Int) {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let temporary = root.appendingPathComponent(".incoming.\(UUID().uuidString).tmp")
        let input = open(url.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard input >= 0 else { throw ArchiveError(path: url.path, operation: "open", code: errno) }
        defer { close(input) }
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw ArchiveError(path: temporary.path, operation: "create", code: errno) }
        var outputOpen = true
        defer {
            if outputOpen { close(output) }
            unlink(temporary.path)
        }
        var hasher = SHA256()
        var size = 0
        let blockSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = read(input, buffer.baseAddress, blockSize)
            if got < 0 {
                if errno == EINTR { continue }
                throw ArchiveError(path: url.path, operation: "read", code: errno)
            }
            if got == 0 { break }
            let block = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
            hasher.update(bufferPointer: block)
            size += got
            var offset = 0
            while offset < got {
                let written = write(output, block.baseAddress! + offset, got - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ArchiveError(path: temporary.path, operation: "write", code: errno)
                }
                offset += written
            }
        }
        let sha256 = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let target = self.url(for: sha256)
        if fileManager.fileExists(atPath: target.path) { return (sha256, size) }
        guard fchmod(output, 0o444) == 0 else { throw ArchiveError(path: temporary.path, operation: "chmod", code: errno) }
        guard fsync(output) == 0 else { throw ArchiveError(path: temporary.path, operation: "fsync", code: errno) }
        close(output)
        outputOpen = false
        let folder = target.deletingLastPathComponent()
        let folderIsNew = !fileManager.fileExists(atPath: folder.path)
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        guard rename(temporary.path, target.path) == 0 else {
            throw ArchiveError(path: target.path, operation: "rename", code: errno)
        }
        // The new name must reach the disk; so must the folders, when they were made for it.
        Self.syncDirectory(folder.path)
        if folderIsNew { for directory in [folder.deletingLastPathComponent(), root] { Self.syncDirectory(directory.path) } }
        return (sha256, size)
    }

    /// Whether the archived original exists and still hashes to its name.
    public func verify(_ sha256: String) -> Bool {
        guard let data = try? Data(contentsOf: url(for: sha256), options: .alwaysMapped) else { return false }
        return Self.sha256(data) == sha256
    }

    static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
