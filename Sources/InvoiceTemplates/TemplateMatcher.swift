import InvoiceCore

/// Scores every template against a document: its registration number printed on the page is
/// the strongest sign, then its keywords and anchors; an exclude keyword rules it out.
enum TemplateMatcher {
    static func scores(pages: [IndexedPage], library: TemplateLibrary) -> [TemplateScore] {
        // Keywords match in any case, like labels; searched as UTF-8 bytes (a plain byte search
        // is many times faster than String.contains on a page of text, for dozens of keywords).
        let text = Array(pages.flatMap(\.lines).map(\.folded).joined(separator: "\n").utf8)
        func printed(_ keyword: String) -> Bool { Self.contains(text, PatternCache.shared.labelBytes(keyword)) }
        let printedNumbers = registrationNumbers(in: pages)
        return library.templates.map { template in
            let rules = template.match
            let numberMatched = rules.registrationNumbers.contains { printedNumbers.contains($0) }
            let keywords = rules.keywords.filter(printed)
            let anchors = rules.anchors.filter(printed)
            let excludedBy = rules.excludeKeywords.first(where: printed)
            var score = numberMatched ? 10.0 : 0
            if !rules.keywords.isEmpty { score += 3 * Double(keywords.count) / Double(rules.keywords.count) }
            if !rules.anchors.isEmpty { score += 2 * Double(anchors.count) / Double(rules.anchors.count) }
            return TemplateScore(template: template.name, score: excludedBy == nil ? score : 0,
                                 registrationNumberMatched: numberMatched, keywordsFound: keywords,
                                 anchorsFound: anchors, excludedBy: excludedBy)
        }.sorted { ($0.score, $1.template) > ($1.score, $0.template) }
    }

    /// Whether `needle` occurs in `haystack` (valid UTF-8 on both sides, so a byte match is a
    /// text match; `String.contains` goes through a locale-aware or grapheme-wise search).
    /// The haystack is indexed from 0 (an array, a buffer).
    static func contains<Bytes: RandomAccessCollection<UInt8>>(_ haystack: Bytes, _ needle: [UInt8]) -> Bool where Bytes.Index == Int {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    nonisolated(unsafe) private static let printedNumber = /[TＴ][0-9０-９]{13}/

    /// Every registration number printed anywhere in the document (`T` + 13 digits).
    static func registrationNumbers(in pages: [IndexedPage]) -> Set<String> {
        var numbers: Set<String> = []
        for line in pages.flatMap(\.lines) where line.characters.lazy.filter(\.isNumber).count >= 13 {
            let text = String(line.characters)
            for match in text.matches(of: printedNumber) {
                if let number = RegistrationNumber(String(text[match.range])) { numbers.insert(number.formatted) }
            }
            if let parsed = RegistrationNumber.parse(from: line.text) { numbers.insert(parsed.value.formatted) }
        }
        return numbers
    }
}
