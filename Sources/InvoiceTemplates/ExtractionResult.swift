public import InvoiceCore

/// What extraction made of a document: the template used (nil for the generic extractor), every
/// template's score, each canonical field with its candidates, the item table, how the amounts
/// are printed (tax basis) and what kind of invoice it is, and the review reasons found on the
/// way (no template, an ambiguous match, arithmetic that does not add up).
///
/// To route it: `RoutingInput(fields: result.routingFields, kind: result.kind, template:
/// result.template, …, taxBasis: result.taxBasis, lines: result.taxLines)`. `values` holds the
/// canonical fields of SPEC.md (`taxable_N` always tax-exclusive) for storing.
public struct ExtractionResult: Sendable, Encodable {
    /// The template used; nil when the generic extractor read the document.
    public var template: String?
    /// Every template's score, best first.
    public var scores: [TemplateScore]
    /// One entry per canonical field, in SPEC order (fields never found have a nil value).
    public var fields: [ExtractedField]
    public var reasons: [Reason]
    /// How the per-rate and item amounts are printed: with tax (税込, 内消費税) or without.
    public var taxBasis: TaxBasis
    /// `simplified` for 適格簡易請求書 and receipts without a recipient, else `qualified`.
    public var kind: InvoiceKind
    /// The item table's rows, over every page, amounts as printed (see `taxBasis`).
    public var lineItems: [LineItem]
    /// The tax-inclusive amounts per rate as printed, by `taxable_N` field, when `taxBasis` is
    /// inclusive (the canonical `values` hold them without tax).
    public var printedAmounts: [String: Int]

    public init(template: String?, scores: [TemplateScore], fields: [ExtractedField], reasons: [Reason],
                taxBasis: TaxBasis = .exclusive, kind: InvoiceKind = .qualified, lineItems: [LineItem] = [],
                printedAmounts: [String: Int] = [:]) {
        self.template = template
        self.scores = scores
        self.fields = fields
        self.reasons = reasons
        self.taxBasis = taxBasis
        self.kind = kind
        self.lineItems = lineItems
        self.printedAmounts = printedAmounts
    }

    /// The fields as SPEC.md's `fields` object (canonical: `taxable_N` without tax).
    public var values: [String: FieldValue] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.field, $0.value) })
    }

    /// The fields as the tax arithmetic must see them on `taxBasis`: `values`, with the per-rate
    /// amounts as printed (tax included) when the basis is inclusive. Pass these, `taxBasis`
    /// and `taxLines` to `RoutingInput` together.
    public var routingFields: [String: FieldValue] {
        var result = values
        for (field, amount) in printedAmounts { result[field]?.value = String(amount) }
        return result
    }

    /// The line items for `TaxCheck`: rate and amount, on `taxBasis`.
    public var taxLines: [TaxBreakdown.Line] { lineItems.map { TaxBreakdown.Line(rate: $0.rate, amount: $0.amount) } }

    /// One field's value, nil when it was not found.
    public subscript(field: String) -> String? { fields.first { $0.field == field }?.value.value }

    private enum CodingKeys: String, CodingKey {
        case template, scores, fields, reasons, taxBasis = "tax_basis", kind, lineItems = "line_items"
    }
}
