import Foundation

/// Compiled regular expressions and folded labels, by pattern, for the whole process: the same
/// templates and dictionary labels are used on every page of every document, so each is
/// compiled (or NFKC-folded) once, not once per page or per line. Thread-safe; the worker
/// extracts documents concurrently.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()

    private let lock = NSLock()
    // Regex is immutable once built; only the dictionaries need the lock.
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]
    private var failed: Set<String> = []
    private var labels: [String: [Character]] = [:]
    private var labelBytes: [String: [UInt8]] = [:]

    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = compiled[pattern] { return cached }
        if failed.contains(pattern) { return nil }
        guard let regex = try? Regex(pattern) else {
            failed.insert(pattern)
            return nil
        }
        compiled[pattern] = regex
        return regex
    }

    /// A label as it is matched: NFKC, no whitespace, Latin letters in lower case.
    func label(_ text: String) -> [Character] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = labels[text] { return cached }
        let folded = Array(Normalizing.compact(text).lowercased())
        labels[text] = folded
        return folded
    }

    /// `label(_:)` as UTF-8 bytes.
    func labelBytes(_ text: String) -> [UInt8] {
        lock.lock()
        if let cached = labelBytes[text] { lock.unlock(); return cached }
        lock.unlock()
        let bytes = Array(String(label(text)).utf8)
        lock.lock()
        labelBytes[text] = bytes
        lock.unlock()
        return bytes
    }
}
