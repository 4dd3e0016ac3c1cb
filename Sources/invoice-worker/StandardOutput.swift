import Foundation

/// Keeps stdout for the one JSON document a `--json` command prints.
///
/// The C libraries (poppler, Leptonica, Tesseract) may write to file descriptor 1 at any time;
/// once `protect()` has run, fd 1 points at stderr and only `write(_:)` reaches the real stdout
/// through a private duplicate of it.
enum StandardOutput {
    nonisolated(unsafe) private static var realStdout: Int32 = STDOUT_FILENO

    /// Moves everything printed to stdout from here on to stderr, keeping a private handle.
    static func protect() {
        guard realStdout == STDOUT_FILENO else { return }
        fflush(nil)
        let duplicate = dup(STDOUT_FILENO)
        guard duplicate >= 0 else { return }
        realStdout = duplicate
        dup2(STDERR_FILENO, STDOUT_FILENO)
    }

    /// Writes to the real stdout (the one from before `protect()`).
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        write(bytes: bytes)
    }

    /// Writes bytes as they are (an export in Shift_JIS) to the real stdout.
    static func write(bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(realStdout, $0.baseAddress, $0.count) }
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Encodes one value as the command's JSON document.
    static func writeJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        write(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
