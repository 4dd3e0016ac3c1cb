import Foundation
import InvoiceCore

/// A piece of printed text with where it stands: a word, part of a word, or a run of words.
struct Token: Sendable {
    var text: String
    var box: BoundingBox
    var confidence: Double
    var page: Int
    /// The second readings of digit runs in the words it was made of (`Word.secondReadings`).
    var secondReadings: [String: String]

    init(text: String, box: BoundingBox, confidence: Double, page: Int, secondReadings: [String: String] = [:]) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.page = page
        self.secondReadings = secondReadings
    }

    init(word: Word, page: Int) {
        self.init(text: Normalizing.nfkc(word.text), box: word.box, confidence: word.confidence, page: page,
                  secondReadings: word.secondReadings ?? [:])
    }

    /// The text with its digit runs as the second reader read them, when that differs.
    var secondReading: String? {
        guard !secondReadings.isEmpty else { return nil }
        var result = text
        for (run, reading) in secondReadings.sorted(by: { $0.key.count > $1.key.count }) {
            result = result.replacingOccurrences(of: run, with: reading)
        }
        return result == text ? nil : result
    }

    /// Tokens joined left to right, with a space where the gap is wide enough to be one (the
    /// rule of `TextLine.text`), the boxes united and the weakest confidence kept.
    static func joined(_ tokens: [Token]) -> Token? {
        guard let first = tokens.first else { return nil }
        var text = first.text
        for (previous, token) in zip(tokens, tokens.dropFirst()) {
            let gap = token.box.minX - previous.box.maxX
            if needsSpace(between: previous.text, and: token.text),
               gap > Swift.min(token.box.height, previous.box.height) * 0.25 || gap < -1 { text += " " }
            text += token.text
        }
        return Token(text: text, box: BoundingBox.union(tokens.map(\.box)) ?? first.box,
                     confidence: tokens.map(\.confidence).min() ?? 0, page: first.page,
                     secondReadings: tokens.reduce(into: [:]) { $0.merge($1.secondReadings) { first, _ in first } })
    }

    /// Japanese is set without spaces, and OCR splits numbers at their commas (`¥528,` `338`):
    /// a space goes only between two pieces of Latin text or two numbers.
    static func needsSpace(between left: String, and right: String) -> Bool {
        guard let last = left.last, let first = right.first, last.isASCII, first.isASCII else { return false }
        if last == "," && first.isNumber { return false }
        return true
    }
}
