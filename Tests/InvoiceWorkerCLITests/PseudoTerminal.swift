import Foundation

/// Runs the executable on a pseudo-terminal, as a clerk at a terminal would: keys in, screen out.
final class PseudoTerminal {
    let master: Int32
    let process = Process()
    private(set) var screen = ""

    init(arguments: [String], environment: [String: String]) throws {
        // /dev/ptmx with Linux's ioctls (posix_openpt and ptsname are not visible to Swift here).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0 else {
            throw CocoaError(.fileReadUnknown)
        }
        let name = "/dev/pts/\(number)"
        let slave = open(name, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw CocoaError(.fileReadUnknown) }
        var size = winsize(ws_row: 50, ws_col: 160, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
    }

    /// Reads the screen until `text` appears after what was already consumed; false after `seconds`.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            if let range = screen.range(of: text) {
                screen = String(screen[range.upperBound...])
                return true
            }
            let got = read(master, &buffer, buffer.count)
            if got > 0 {
                screen += String(decoding: buffer[0..<got], as: UTF8.self)
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        return false
    }

    func waitForExit(seconds: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while process.isRunning && Date() < deadline {
            let got = read(master, &buffer, buffer.count)
            if got > 0 { screen += String(decoding: buffer[0..<got], as: UTF8.self) } else { Thread.sleep(forTimeInterval: 0.05) }
        }
        return process.isRunning ? nil : process.terminationStatus
    }
}
