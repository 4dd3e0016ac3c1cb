/// Compiled regular expressions by pattern for one extraction: a template's patterns are used on
/// every page and every reading, so each is compiled once (they were checked when it loaded).
/// Not shared between extractions, so it needs no lock.
final class RegexCache {
    private var compiled: [String: Regex<AnyRegexOutput>] = [:]

    func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        if let cached = compiled[pattern] { return cached }
        guard let regex = try? Regex(pattern) else { return nil }
        compiled[pattern] = regex
        return regex
    }
}
