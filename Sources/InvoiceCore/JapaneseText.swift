internal import Foundation

/// Text clean-up shared by the normalisers: Unicode compatibility folding (full-width digits
/// and letters to ASCII, ㈱ to (株), ㋿ to 令和) and the dash look-alikes that OCR and fonts use.
enum JapaneseText {
    /// NFKC: what SPEC.md calls "NFKC-normalised".
    static func nfkc(_ text: String) -> String {
        // ASCII is its own NFKC form; most amounts and codes are ASCII, and the normalisers run
        // on every reading a template offers.
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
    }

    /// Characters that stand for a minus sign or a hyphen in numbers printed in Japan.
    static let dashes: Set<Character> = ["-", "−", "‐", "‑", "‒", "–", "—", "―", "ー", "ｰ", "﹣", "－"]

    /// Replaces every dash look-alike with an ASCII hyphen (for numbers and dates, not names:
    /// ー is a letter in katakana names).
    static func foldingDashes(_ text: String) -> String {
        String(text.map { dashes.contains($0) ? "-" : $0 })
    }

    /// Drops everything between ASCII parentheses (after NFKC), e.g. "(税込)" or "(金)".
    static func removingParenthesised(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = Swift.max(0, depth - 1); continue }
            if depth == 0 { result.append(character) }
        }
        return result
    }

    static func removingWhitespace(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
