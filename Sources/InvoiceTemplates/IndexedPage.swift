import InvoiceCore

/// A page prepared for locating: its words NFKC-normalised, its lines with a character map back
/// to the words, so that a label found inside a word (`登録番号：T…`) or across words
/// (`Invoice No.`) has a box.
struct IndexedPage: Sendable {
    /// One line's text, without spaces, and for each character the index of its word in `words`.
    struct Line: Sendable {
        var words: [Token]
        /// Characters of the words without separators (labels are matched without spaces).
        var characters: [Character]
        /// For each character: (word index, offset of the character inside that word).
        var origin: [(word: Int, offset: Int)]
        /// The text with spaces as printed, for regex locators.
        var text: String
        /// `characters` as one string, ASCII letters lower-cased: for keywords and document-wide
        /// labels, computed once per page rather than once per search.
        var folded: String
        /// `folded`, one number per character (`IndexedPage.key`): compared as integers, since
        /// comparing `Character`s of Japanese text is a slow string comparison.
        var foldedKeys: [UInt32]
        /// `characters` as one string (for regex anchors, which are case-sensitive).
        var compact: String
        /// The folded characters without punctuation, and the index of each in `characters`
        /// (empty when the line has no punctuation: the skeleton is the line itself).
        var skeleton: [UInt32]
        var skeletonPositions: [Int]
        var box: BoundingBox
    }

    var number: Int
    /// Read by OCR: word boxes are ragged (characters of one name in boxes of different heights).
    var isOCR: Bool
    var width: Double
    var height: Double
    var lines: [Line]
    var words: [Token]
    /// For each character key (`key`), the lines whose folded text holds it, in order: a label is
    /// looked for only in the lines holding its first character (most of the generic
    /// dictionary's ~150 labels are on no line of a page).
    var linesHolding: [UInt32: [Int]]

    init(_ page: PageText) {
        number = page.number
        isOCR = page.source == .ocr
        width = page.width
        height = page.height
        lines = page.lines.map { line in
            let words = line.words.map { Token(word: $0, page: page.number) }
            var characters: [Character] = []
            var origin: [(Int, Int)] = []
            for (index, word) in words.enumerated() {
                for (offset, character) in word.text.enumerated() where !character.isWhitespace {
                    characters.append(character)
                    origin.append((index, offset))
                }
            }
            let compact = String(characters)
            // Most lines need no folding and have no punctuation: share the arrays then.
            let hasCapitals = compact.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }
            let folded = hasCapitals ? compact.lowercased() : compact
            var foldedCharacters = hasCapitals ? Array(folded) : characters
            if foldedCharacters.count != characters.count { foldedCharacters = characters }
            let foldedKeys = foldedCharacters.map(IndexedPage.key)
            var skeleton = foldedKeys, skeletonPositions: [Int] = []
            if foldedCharacters.contains(where: IndexedPage.isPunctuation) {
                skeletonPositions = foldedCharacters.indices.filter { !IndexedPage.isPunctuation(foldedCharacters[$0]) }
                skeleton = skeletonPositions.map { foldedKeys[$0] }
            }
            return Line(words: words, characters: characters, origin: origin, text: Token.joined(words)?.text ?? "",
                        folded: folded, foldedKeys: foldedKeys, compact: compact,
                        skeleton: skeleton, skeletonPositions: skeletonPositions, box: line.box)
        }
        words = lines.flatMap(\.words)
        var holding: [UInt32: [Int]] = [:]
        for (index, line) in lines.enumerated() {
            for key in Set(line.foldedKeys) { holding[key, default: []].append(index) }
        }
        linesHolding = holding
    }
}

extension IndexedPage {
    /// Every place the label is printed (matched without spaces, NFKC, Latin letters in any case:
    /// `Tax 10%` finds `Consumption tax 10%`), or where the regex matches.
    func find(label: String, isRegex: Bool, lines only: ClosedRange<Int>? = nil) -> [AnchorHit] {
        var hits: [AnchorHit] = []
        let indices = only.map { Array($0) } ?? Array(lines.indices)
        // The pattern is looked up once per page, not once per line.
        if isRegex {
            guard let regex = PatternCache.shared.regex(label) else { return [] }
            for lineIndex in indices where lines.indices.contains(lineIndex) {
                let text = lines[lineIndex].compact
                for match in text.matches(of: regex) where !match.range.isEmpty {
                    let start = text.distance(from: text.startIndex, to: match.range.lowerBound)
                    hits.append(hit(line: lineIndex, characterRange: start..<(start + text[match.range].count)))
                }
            }
            return hits
        }
        let characters = PatternCache.shared.label(label)
        let needle = characters.map(Self.key)
        let skeleton = characters.filter { !Self.isPunctuation($0) }.map(Self.key)
        guard let first = needle.first, let skeletonFirst = skeleton.first ?? needle.first else { return [] }
        // Only lines holding the label's first character (or its skeleton's) can hold it.
        let holding = Set((linesHolding[first] ?? []) + (first == skeletonFirst ? [] : linesHolding[skeletonFirst] ?? []))
        for lineIndex in indices where holding.contains(lineIndex) {
            let line = lines[lineIndex]
            let haystack = line.foldedKeys
            let exact = Self.occurrences(of: needle, in: haystack)
            for range in exact { hits.append(hit(line: lineIndex, characterRange: range)) }
            // OCR drops or changes brackets and colons (`消費税(8%め`, `登録番号;`): where the label
            // is not found as printed, it is looked for without its punctuation, less surely.
            // Only labels with punctuation: for the others the skeleton finds nothing new.
            guard exact.isEmpty, skeleton.count >= 3, skeleton.count < needle.count else { continue }
            let positions = line.skeletonPositions
            for range in Self.occurrences(of: skeleton, in: line.skeleton) {
                let characterRange = positions.isEmpty ? range : positions[range.lowerBound]..<(positions[range.upperBound - 1] + 1)
                var found = hit(line: lineIndex, characterRange: characterRange)
                found.confidence *= 0.95
                hits.append(found)
            }
        }
        return hits
    }

    /// The label's characters as `key`s, without punctuation: what an approximate match compares.
    static func skeleton(of label: String) -> [UInt32] {
        PatternCache.shared.label(label).filter { !isPunctuation($0) }.map(key)
    }

    /// Labels shorter than this (without punctuation) are only ever matched as printed: with one
    /// character wrong, `合計` or `小計` could be anything.
    static let approximateLabelLength = 4

    /// Where the label is printed with one character misread, dropped or added, punctuation
    /// aside (OCR: `1%対象` for `10%対象`, `消費税(8)` for `消費税(8%)`), less surely than as
    /// printed. Each hit comes with the characters (in the line's skeleton) it covers, for the
    /// caller to make sure they could not be another label.
    func findApproximately(label: String) -> [(hit: AnchorHit, skeletonRange: Range<Int>)] {
        let needle = Self.skeleton(of: label)
        guard needle.count >= Self.approximateLabelLength else { return [] }
        var hits: [(AnchorHit, Range<Int>)] = []
        for lineIndex in lines.indices {
            let line = lines[lineIndex]
            let positions = line.skeletonPositions
            for range in Self.approximateOccurrences(of: needle, in: line.skeleton) {
                let characterRange = positions.isEmpty ? range : positions[range.lowerBound]..<(positions[range.upperBound - 1] + 1)
                // Latin letters end where the word does: `invoices` of `INVOICE Shibaura` is no label.
                func latin(_ index: Int) -> Bool { line.characters.indices.contains(index) && line.characters[index].isASCII && line.characters[index].isLetter }
                if latin(characterRange.upperBound - 1) && latin(characterRange.upperBound)
                    || latin(characterRange.lowerBound) && latin(characterRange.lowerBound - 1) { continue }
                var found = hit(line: lineIndex, characterRange: characterRange)
                found.confidence *= 0.85
                hits.append((found, range))
            }
        }
        return hits
    }

    /// Windows of `haystack` within one edit (a character changed, missing or extra) of
    /// `needle`, left to right, not overlapping. Of the windows starting at one place, the one
    /// ending on the needle's last character is preferred (the label's end confirmed), then
    /// a changed character, then a missing one, then an extra one — a missing one first where
    /// the changed character would be a digit or currency sign.
    static func approximateOccurrences(of needle: [UInt32], in haystack: [UInt32]) -> [Range<Int>] {
        let n = needle.count
        guard n >= 2, haystack.count >= n - 1 else { return [] }
        var result: [Range<Int>] = []
        var start = 0
        while start + n - 1 <= haystack.count {
            var matches: [Range<Int>] = []
            for length in [n, n - 1, n + 1] where start + length <= haystack.count {
                if withinOneEdit(needle, haystack[start..<(start + length)]) { matches.append(start..<(start + length)) }
            }
            // A changed last character that is a digit or a currency sign is more likely the
            // value's first, the label's last being dropped (`消費税(8)¥673`, `消費税8673`).
            if let changed = matches.first(where: { $0.count == n }), isValueStart(haystack[changed.upperBound - 1]),
               !isValueStart(needle[n - 1]), let dropped = matches.firstIndex(where: { $0.count == n - 1 }) {
                matches.swapAt(0, dropped)
            }
            if let best = matches.first(where: { haystack[$0.upperBound - 1] == needle[n - 1] }) ?? matches.first {
                result.append(best)
                start = best.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    /// A digit or a currency sign: what a value starts with.
    static func isValueStart(_ key: UInt32) -> Bool { (0x30...0x39).contains(key) || [0xA5, 0x5C, 0x24].contains(key) }

    /// Whether `a` becomes `b` by at most one changed, removed or added element.
    static func withinOneEdit(_ a: [UInt32], _ b: ArraySlice<UInt32>) -> Bool {
        let b = Array(b)
        if a.count == b.count { return zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } <= 1 }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, long[i] == short[i] { i += 1 }
        return long[(i + 1)...].elementsEqual(short[i...])
    }

    /// Whether a window of `haystack` within one edit of `needle` overlaps `range` (widened by a
    /// character each side).
    static func approximatelyContains(_ haystack: [UInt32], _ needle: [UInt32], around range: Range<Int>) -> Bool {
        let window = max(0, range.lowerBound - 1 - needle.count)..<min(haystack.count, range.upperBound + 1 + needle.count)
        return approximateOccurrences(of: needle, in: Array(haystack[window]))
            .contains { $0.lowerBound + window.lowerBound < range.upperBound + 1 && $0.upperBound + window.lowerBound > range.lowerBound - 1 }
            || occurrences(of: needle, in: Array(haystack[window]))
            .contains { $0.lowerBound + window.lowerBound < range.upperBound && $0.upperBound + window.lowerBound > range.lowerBound }
    }

    /// A number standing for a character: its scalar (a comma's is a full stop's), or (for the
    /// rare character of several scalars) its hash with the top bit set, which no scalar has.
    static func key(_ character: Character) -> UInt32 {
        // OCR reads a label's full stop as a comma (`No,` for `No.`): the same key for both.
        if character == "," { return 0x2E }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return scalar.value }
        return UInt32(truncatingIfNeeded: character.hashValue) | 0x8000_0000
    }

    /// Brackets, colons and separators, which OCR reads unreliably.
    static func isPunctuation(_ character: Character) -> Bool { punctuation.contains(character) }
    private static let punctuation: Set<Character> = Set("()（）[]【】「」:：;/・.,、。 ")

    /// Where `needle` occurs in `haystack`, without overlaps.
    static func occurrences(of needle: [UInt32], in haystack: [UInt32]) -> [Range<Int>] {
        guard let first = needle.first, needle.count <= haystack.count else { return [] }
        var result: [Range<Int>] = []
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) {
                result.append(start..<(start + needle.count))
                start += needle.count
            } else {
                start += 1
            }
        }
        return result
    }

    private func hit(line lineIndex: Int, characterRange: Range<Int>) -> AnchorHit {
        let line = lines[lineIndex]
        let first = line.origin[characterRange.lowerBound], last = line.origin[characterRange.upperBound - 1]
        let firstWord = line.words[first.word], lastWord = line.words[last.word]
        // Split a word's box in proportion to its characters: good enough for a label's position.
        func slice(_ word: Token, from: Int, to: Int) -> Token? {
            let characters = Array(word.text)
            guard from < to, from >= 0, to <= characters.count else { return nil }
            let text = String(characters[from..<to]).trimming(":：/ ")
            guard !text.isEmpty else { return nil }
            let unit = word.box.width / Double(Swift.max(1, characters.count))
            let box = BoundingBox(x: word.box.minX + unit * Double(from), y: word.box.minY,
                                  width: unit * Double(to - from), height: word.box.height)
            return Token(text: text, box: box, confidence: word.confidence, page: word.page, secondReadings: word.secondReadings)
        }
        let lastLength = lastWord.text.count
        var tail = slice(lastWord, from: last.offset + 1, to: lastLength)
        // `合計(税込)`, `Total (tax included)`: an annotation in brackets belongs to the label,
        // not to the value after it.
        if let text = tail?.text, Self.isAnnotation(text) { tail = nil }
        let head = slice(firstWord, from: 0, to: first.offset)
        let labelStart = slice(firstWord, from: first.offset, to: first.word == last.word ? last.offset + 1 : firstWord.text.count)
        let labelEnd = slice(lastWord, from: first.word == last.word ? first.offset : 0, to: last.offset + 1)
        let box = [labelStart?.box, labelEnd?.box].compactMap { $0 }
        var lastIndex = last.word
        if tail == nil, lastIndex + 1 < line.words.count, Self.isAnnotation(line.words[lastIndex + 1].text) { lastIndex += 1 }
        let words = line.words[first.word...lastIndex]
        return AnchorHit(page: number, line: lineIndex,
                         box: BoundingBox.union(box) ?? BoundingBox.union(words.map(\.box)) ?? firstWord.box,
                         confidence: words.map(\.confidence).min() ?? 0,
                         wordRange: first.word...lastIndex, tail: tail, head: head)
    }

    /// A bracketed note without digits: `(税込)`, `(tax included)`, `（税抜）`.
    static func isAnnotation(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first == "(", last == ")" else { return false }
        return !text.contains(where: \.isNumber)
    }
}
