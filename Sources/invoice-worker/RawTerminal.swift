import Foundation

/// The terminal in single-key mode for the interactive review: no line buffering, no echo, and
/// Ctrl-C read as a key (so the terminal is always restored). Output processing stays on.
final class RawTerminal {
    private var saved = termios()
    private let input = STDIN_FILENO

    init() throws {
        guard tcgetattr(input, &saved) == 0 else { throw ReviewDeskErrorText("The terminal's settings cannot be read.") }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(input, TCSAFLUSH, &raw)
    }

    deinit { restore() }

    func restore() { tcsetattr(input, TCSAFLUSH, &saved) }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One key press (one byte; escape sequences come as several). nil at end of input.
    func key() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let got = read(input, &byte, 1)
            if got == 1 { return byte }
            if got < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// A byte if one arrives within `timeoutMilliseconds` (for the terminal's replies to queries).
    func key(timeoutMilliseconds: Int32) -> UInt8? {
        var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return nil }
        return key()
    }

    /// A line typed after `prompt`, echoed as typed; Backspace deletes; Enter ends it; Escape or
    /// Ctrl-C cancels (nil).
    func line(_ prompt: String) -> String? {
        write(prompt)
        var bytes: [UInt8] = []
        while let byte = key() {
            switch byte {
            case 0x0D, 0x0A:
                write("\n")
                return String(decoding: bytes, as: UTF8.self)
            case 0x1B, 0x03, 0x04:
                write("\n")
                return nil
            case 0x7F, 0x08:
                // Drop one whole UTF-8 character.
                while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
                write("\u{8} \u{8}")
            default:
                bytes.append(byte)
                FileHandle.standardOutput.write(Data([byte]))
            }
        }
        return nil
    }
}

/// A terminal that cannot be used for the interactive review.
struct ReviewDeskErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
