public import InvoiceCore

/// One supplier layout: how to recognise it and where each canonical field stands on it.
/// Loaded from a YAML file in `Templates/` (see `Templates/README.md`).
public struct Template: Sendable {
    /// Unique name, used by `extract --template NAME` and in each document's `template`.
    public var name: String
    /// The file it was loaded from (nil for templates built in code).
    public var file: String?
    public var description: String?
    public var match: MatchRules
    /// One rule per canonical field, in SPEC order.
    public var fields: [FieldRule]
    /// How the item table is read (`line_items:`); nil reads it by the standard header dictionary.
    public var lineItems: LineItemRules?
    /// Whether the layout prints its per-rate amounts with tax (`tax_basis:`); nil detects it.
    public var taxBasis: TaxBasis?
    /// `qualified` or `simplified` (`kind:`); nil detects it.
    public var kind: InvoiceKind?

    public init(name: String, file: String? = nil, description: String? = nil, match: MatchRules,
                fields: [FieldRule], lineItems: LineItemRules? = nil, taxBasis: TaxBasis? = nil, kind: InvoiceKind? = nil) {
        self.name = name
        self.file = file
        self.description = description
        self.match = match
        self.fields = fields
        self.lineItems = lineItems
        self.taxBasis = taxBasis
        self.kind = kind
    }
}
