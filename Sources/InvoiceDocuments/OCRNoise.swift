/// What Tesseract reads where there is no text: the rules of a table and the marks on a page
/// that are not print (a company seal 角印 pressed over the issuer block, a stamp, specks).
///
/// - A table's vertical rule is read as `|` beside the cell text (`7/3|キャベツ`): a `|` at either
///   end of a word, or a word that is only rules, is dropped, and the word's box shrinks to the
///   characters left. Invoices print no `|` as content worth keeping.
/// - On a Japanese page, the jpn+eng models read the strokes of a seal or a stamp as short runs of
///   Latin letters that they are themselves unsure of (`MASPoe`, `EOL`, `AZts` at confidence
///   0.02–0.44), appended to the lines beside them. Such a word — letters only (with brackets
///   and punctuation), at most six, below `junkConfidence` — is dropped. On a page written in
///   Latin letters too (an English or a bilingual invoice) nothing is dropped for this reason:
///   there a word Tesseract is unsure of is still a word (`BilL-To` at 0.37).
/// Nothing with a digit or a Japanese character is ever dropped: an amount, a date or a name
/// read badly must reach the extractor as it was read, to be doubted there, not disappear.
enum OCRNoise {
    static let rules: Set<Character> = ["|", "｜", "¦", "│"]
    /// Words below this confidence may be noise (measured: seal junk 0.02–0.44, printed Latin
    /// text on the samples' Japanese pages ≥ 0.5 with one exception at 0.42).
    static let junkConfidence = 0.45
    /// The share of kana and kanji among a page's letters (kana, kanji and Latin letters) from
    /// which it counts as a Japanese page (measured: Japanese samples 0.79–0.96, bilingual
    /// 0.29–0.30, English 0.04).
    static let japaneseShare = 2.0 / 3.0

    static func clean(_ words: [TesseractEngine.RawWord]) -> [TesseractEngine.RawWord] {
        let japanese = isJapanese(words)
        return words.compactMap { word in
            guard let trimmed = withoutRules(word) else { return nil }
            if japanese && isJunk(trimmed) { return nil }
            return trimmed
        }
    }

    /// Whether the page's writing is mostly Japanese: enough of its letters are kana or kanji.
    static func isJapanese(_ words: [TesseractEngine.RawWord]) -> Bool {
        var letters = 0, japanese = 0
        for word in words {
            for scalar in word.text.unicodeScalars {
                if isJapanese(scalar) {
                    japanese += 1
                    letters += 1
                } else if ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) {
                    letters += 1
                }
            }
        }
        return letters > 0 && Double(japanese) >= japaneseShare * Double(letters)
    }

    static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: true
        default: false
        }
    }

    /// The word without table rules at its ends (nil when nothing else is left).
    static func withoutRules(_ word: TesseractEngine.RawWord) -> TesseractEngine.RawWord? {
        guard let first = word.text.first, let last = word.text.last, rules.contains(first) || rules.contains(last) else {
            return word
        }
        var symbols = word.symbols
        while let symbol = symbols.first, symbol.text.count == 1, rules.contains(Character(symbol.text)) {
            symbols.removeFirst()
        }
        while let symbol = symbols.last, symbol.text.count == 1, rules.contains(Character(symbol.text)) {
            symbols.removeLast()
        }
        let text = String(word.text.drop { rules.contains($0) }.reversed().drop { rules.contains($0) }.reversed())
        guard !text.isEmpty else { return nil }
        var trimmed = word
        trimmed.text = text
        if let box = symbols.first?.box, symbols.count < word.symbols.count {
            trimmed.box = symbols.dropFirst().reduce(box) { $0.union($1.box) }
            trimmed.symbols = symbols
        }
        return trimmed
    }

    /// A short unsure run of Latin letters: what a seal or stamp is read as.
    static func isJunk(_ word: TesseractEngine.RawWord) -> Bool {
        guard word.confidence < junkConfidence else { return false }
        var letters = 0
        for scalar in word.text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z": letters += 1
            case "(", ")", "=", ":", ";", "'", "\"", "`", ".", ",", "_", "-", "~": continue
            default: return false
            }
        }
        return letters > 0 && letters <= 6
    }
}
