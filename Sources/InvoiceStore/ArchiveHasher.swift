public import Foundation
import Crypto

/// Hashes archived originals for `ledger verify`: 1 MiB reads straight into swift-crypto's
/// SHA-256, several files at once (the disk and the second core are otherwise idle), so that a
/// seven-year archive is checked at least as fast as `sha256sum` would.
public struct ArchiveHasher: Sendable {
    /// What one file turned out to be.
    public enum Outcome: Sendable, Hashable {
        case intact
        case missing
        /// It hashes to something else: its content changed.
        case altered(actual: String)
        case unreadable(errno: Int32)
    }

    public var threads: Int
    public var blockSize: Int

    public init(threads: Int = 2, blockSize: Int = 1 << 20) {
        self.threads = max(1, threads)
        self.blockSize = blockSize
    }

    /// Checks each (expected hash, file) pair; the outcomes come back in the same order.
    public func check(_ files: [(sha256: String, url: URL)]) -> [Outcome] {
        let results = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: files.count)
        results.initialize(repeating: .intact)
        defer { results.deallocate() }
        nonisolated(unsafe) let shared = results
        let next = NextIndex()
        let blockSize = self.blockSize
        DispatchQueue.concurrentPerform(iterations: min(threads, max(1, files.count))) { _ in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 64)
            defer { buffer.deallocate() }
            while let index = next.take(below: files.count) {
                shared[index] = Self.check(files[index].url.path, expected: files[index].sha256, buffer: buffer)
            }
        }
        return Array(results)
    }

    /// The SHA-256 of one file as lowercase hex, or the errno that stopped it.
    public func hash(path: String) -> Result<String, POSIXError> {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 64)
        defer { buffer.deallocate() }
        return Self.hash(path, buffer: buffer)
    }

    static func check(_ path: String, expected: String, buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        switch hash(path, buffer: buffer) {
        case .success(let actual): return actual == expected ? .intact : .altered(actual: actual)
        case .failure(let error): return error.code == .ENOENT ? .missing : .unreadable(errno: error.code.rawValue)
        }
    }

    static func hash(_ path: String, buffer: UnsafeMutableRawBufferPointer) -> Result<String, POSIXError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
        defer { close(descriptor) }
        #if os(Linux)
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        var hasher = SHA256()
        while true {
            let got = read(descriptor, buffer.baseAddress, buffer.count)
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
            if got == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        }
        return .success(Hex.string(hasher.finalize()))
    }
}
