import Foundation

/// Whether a file looks written to its end: a PDF has `%%EOF` near its end, a PNG its IEND
/// chunk, a JPEG its end-of-image marker. A scanner or a mail client still writing a file
/// (or paused between pages) fails this; other kinds pass and are judged by the reader.
enum FileCompleteness {
    static func isComplete(path: String, size: Int64) -> Bool {
        guard size > 0 else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let head = read(descriptor, at: 0, count: 8)
        let tailLength = Int(min(size, 2048))
        let tail = read(descriptor, at: size - Int64(tailLength), count: tailLength)
        if head.starts(with: Array("%PDF".utf8)) {
            return tail.contains(subsequence: Array("%%EOF".utf8))
        }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return tail.suffix(32).contains(subsequence: Array("IEND".utf8))
        }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            return tail.suffix(64).contains(subsequence: [0xFF, 0xD9])
        }
        return true
    }

    private static func read(_ descriptor: Int32, at offset: Int64, count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        return got > 0 ? Array(buffer[0..<got]) : []
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, count >= subsequence.count else { return false }
        for start in 0...(count - subsequence.count) where self[start] == subsequence[0] {
            if Array(self[start..<(start + subsequence.count)]) == subsequence { return true }
        }
        return false
    }
}
