import Foundation

/// Hands out 0, 1, 2 … to threads sharing a list, so that a slow file does not leave the other
/// thread idle (a fixed split would).
final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
