import InvoiceCore

/// Scores every template against a document: its registration number printed on the page is
/// the strongest sign, then its keywords and anchors; an exclude keyword rules it out.
enum TemplateMatcher {
    static func scores(pages: [IndexedPage], library: TemplateLibrary) -> [TemplateScore] {
        let text = pages.flatMap(\.lines).map { String($0.characters) }.joined(separator: "\n")
        let printedNumbers = registrationNumbers(in: pages)
        return library.templates.map { template in
            let rules = template.match
            let numberMatched = rules.registrationNumbers.contains { printedNumbers.contains($0) }
            let keywords = rules.keywords.filter { text.contains(Normalizing.compact($0)) }
            let anchors = rules.anchors.filter { text.contains(Normalizing.compact($0)) }
            let excludedBy = rules.excludeKeywords.first { text.contains(Normalizing.compact($0)) }
            var score = numberMatched ? 10.0 : 0
            if !rules.keywords.isEmpty { score += 3 * Double(keywords.count) / Double(rules.keywords.count) }
            if !rules.anchors.isEmpty { score += 2 * Double(anchors.count) / Double(rules.anchors.count) }
            return TemplateScore(template: template.name, score: excludedBy == nil ? score : 0,
                                 registrationNumberMatched: numberMatched, keywordsFound: keywords,
                                 anchorsFound: anchors, excludedBy: excludedBy)
        }.sorted { ($0.score, $1.template) > ($1.score, $0.template) }
    }

    /// Every registration number printed anywhere in the document (`T` + 13 digits).
    static func registrationNumbers(in pages: [IndexedPage]) -> Set<String> {
        var numbers: Set<String> = []
        for line in pages.flatMap(\.lines) where line.characters.lazy.filter(\.isNumber).count >= 13 {
            let text = String(line.characters)
            for match in text.matches(of: /[TＴ][0-9０-９]{13}/) {
                if let number = RegistrationNumber(String(text[match.range])) { numbers.insert(number.formatted) }
            }
            if let parsed = RegistrationNumber.parse(from: line.text) { numbers.insert(parsed.value.formatted) }
        }
        return numbers
    }
}
