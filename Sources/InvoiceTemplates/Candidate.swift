public import InvoiceCore

/// One reading of a field that a locator found and its normaliser accepted: the debugging view
/// of extraction ("which locator found what, where, how sure").
public struct Candidate: Hashable, Sendable, Encodable {
    /// The normalised value (integer yen, `YYYY-MM-DD`, `T` + 13 digits, NFKC text).
    public var value: String
    /// The text as printed (NFKC).
    public var text: String
    /// Words' confidence × locator certainty × normaliser confidence.
    public var confidence: Double
    /// 1-based page; nil for a value derived from others (a sum) or implied (a rate printed nowhere is 0).
    public var page: Int?
    public var box: BoundingBox?
    /// The locator that found it (`anchor 請求日 right_of`, `region …`, `regex …`, `derived …`).
    public var locator: String
    /// How many locators (or places) gave the same value.
    public var support: Int

    public init(value: String, text: String, confidence: Double, page: Int?, box: BoundingBox?, locator: String,
                support: Int = 1) {
        self.value = value
        self.text = text
        self.confidence = confidence
        self.page = page
        self.box = box
        self.locator = locator
        self.support = support
    }

    /// The candidate as SPEC.md's field value.
    public var fieldValue: FieldValue { FieldValue(value, confidence: confidence, page: page, box: box) }
}
