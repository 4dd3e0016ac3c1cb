public import InvoiceCore

/// What extraction made of a document: the template used (nil for the generic extractor), every
/// template's score, each canonical field with its candidates, and the review reasons found on
/// the way (no template, an ambiguous match, arithmetic that does not add up).
public struct ExtractionResult: Sendable, Encodable {
    /// The template used; nil when the generic extractor read the document.
    public var template: String?
    /// Every template's score, best first.
    public var scores: [TemplateScore]
    /// One entry per canonical field, in SPEC order (fields never found have a nil value).
    public var fields: [ExtractedField]
    public var reasons: [Reason]

    public init(template: String?, scores: [TemplateScore], fields: [ExtractedField], reasons: [Reason]) {
        self.template = template
        self.scores = scores
        self.fields = fields
        self.reasons = reasons
    }

    /// The fields as SPEC.md's `fields` object.
    public var values: [String: FieldValue] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.field, $0.value) })
    }

    /// One field's value, nil when it was not found.
    public subscript(field: String) -> String? { fields.first { $0.field == field }?.value.value }
}
