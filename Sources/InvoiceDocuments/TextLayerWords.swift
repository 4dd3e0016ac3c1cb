import InvoiceCore

/// Turns a PDF text layer's characters (each with its rectangle) into words.
///
/// A word ends at whitespace, at a line break, where the next character sits on another
/// baseline, or where a gap wider than ~0.6 of the text height opens (a table cell's value
/// set apart from its label without a space character).
enum TextLayerWords {
    static func words(from characters: [(Character, BoundingBox)]) -> [Word] {
        var words: [Word] = []
        var text = ""
        var box: BoundingBox?
        var last: BoundingBox?

        func flush() {
            if let current = box, !text.isEmpty { words.append(Word(text: text, box: current, confidence: 1)) }
            text = ""
            box = nil
        }

        for (character, rect) in characters {
            if character.isWhitespace || character.isNewline {
                flush()
                last = nil
                continue
            }
            if let previous = last {
                let height = max(min(previous.height, rect.height), 0.1)
                let sameLine = abs(rect.midY - previous.midY) <= 0.5 * height
                let gap = rect.minX - previous.maxX
                if !sameLine || gap > 0.6 * height || gap < -2 * height { flush() }
            }
            text.append(character)
            box = box.map { $0.union(rect) } ?? rect
            last = rect
        }
        flush()
        return words
    }

    /// Whether the characters make a real text layer: enough visible characters, few of them
    /// glyphs the PDF gives no Unicode for (those come out as U+FFFD or private-use code points,
    /// and such a page reads better through OCR).
    static func isRealTextLayer(_ characters: [(Character, BoundingBox)], minimumCharacters: Int) -> Bool {
        var visible = 0, unmapped = 0
        for (character, _) in characters where !character.isWhitespace {
            visible += 1
            if character.unicodeScalars.contains(where: { $0.value == 0xFFFD || (0xE000...0xF8FF).contains($0.value) || $0.value < 0x20 }) {
                unmapped += 1
            }
        }
        return visible >= minimumCharacters && Double(unmapped) <= 0.1 * Double(visible)
    }
}
