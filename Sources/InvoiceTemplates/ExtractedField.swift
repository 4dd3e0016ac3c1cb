public import InvoiceCore

/// One canonical field as extracted: the chosen value (SPEC.md's `{"value", "confidence", "page",
/// "box"}`), the locator that found it and the other candidates, for one-command debugging.
public struct ExtractedField: Sendable, Encodable {
    public var field: String
    /// The value; `value.value` is nil when nothing was found.
    public var value: FieldValue
    /// The locator of the chosen candidate, nil when nothing was found.
    public var locator: String?
    /// Every other candidate, best first.
    public var alternatives: [Candidate]

    public init(field: String, value: FieldValue, locator: String?, alternatives: [Candidate]) {
        self.field = field
        self.value = value
        self.locator = locator
        self.alternatives = alternatives
    }

    private enum CodingKeys: String, CodingKey { case field, value, locator, alternatives }
}
