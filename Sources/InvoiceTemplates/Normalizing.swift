import Foundation

/// Text folding shared by matching and extraction.
enum Normalizing {
    /// NFKC: full-width letters and digits to ASCII, `：` to `:`, `￥` to `¥`.
    static func nfkc(_ text: String) -> String {
        // ASCII is its own NFKC form; skipping it saves most of the cost on Latin words and numbers.
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
    }

    /// NFKC without any whitespace, for finding labels and keywords however words were split.
    static func compact(_ text: String) -> String { String(nfkc(text).filter { !$0.isWhitespace }) }
}
