import InvoiceCore

/// A label found on a page: its box, and the parts of its first and last words outside it.
struct AnchorHit: Sendable {
    var page: Int
    var line: Int
    var box: BoundingBox
    var confidence: Double
    /// Indexes in the line's words of the words the label touches.
    var wordRange: ClosedRange<Int>
    /// The rest of the last word after the label (`T8011…` in `登録番号：T8011…`), as a token.
    var tail: Token?
    /// The part of the first word before the label (`株式会社サンプル商事` in `株式会社サンプル商事御中`).
    var head: Token?
}
