/// Everything the routing policy decides on: the extracted fields and the findings of the
/// other parts (which template matched, what the registry said, whether the invoice number was
/// seen before).
public struct RoutingInput: Hashable, Sendable {
    /// Canonical fields (`CanonicalField`) by name; extra fields are checked for confidence too.
    public var fields: [String: FieldValue]
    public var kind: InvoiceKind
    /// The layout template that matched; nil when the generic extractor was used.
    public var template: String?
    /// The registry's answer for `registration_number` on `issue_date`; nil when it could not
    /// be asked.
    public var registry: RegistryAnswer?
    /// Whether an invoice with the same issuer and invoice number was received before (see
    /// `DuplicateChecking`, `checkDuplicates(with:)`).
    public var isDuplicateInvoice: Bool
    /// How `taxable_10` / `taxable_8` were printed, for the tax arithmetic.
    public var taxBasis: TaxBasis
    /// Line items, when the invoice lists them (same basis as the per-rate amounts).
    public var lines: [TaxBreakdown.Line]

    public init(fields: [String: FieldValue], kind: InvoiceKind = .qualified, template: String? = nil,
                registry: RegistryAnswer? = nil, isDuplicateInvoice: Bool = false, taxBasis: TaxBasis = .exclusive,
                lines: [TaxBreakdown.Line] = []) {
        self.fields = fields
        self.kind = kind
        self.template = template
        self.registry = registry
        self.isDuplicateInvoice = isDuplicateInvoice
        self.taxBasis = taxBasis
        self.lines = lines
    }

    /// Sets `isDuplicateInvoice` from `checker`, keyed by the registration number (else the
    /// normalised issuer name) and the invoice number. Without an invoice number nothing can
    /// be compared and the flag stays false.
    public mutating func checkDuplicates(with checker: some DuplicateChecking) throws {
        guard let invoiceNumber = fields[CanonicalField.invoiceNumber]?.value, !invoiceNumber.isEmpty else { return }
        let issuer = fields[CanonicalField.registrationNumber]?.value
            ?? fields[CanonicalField.issuerName]?.value.map { CompanyName($0).normalized }
        guard let issuer, !issuer.isEmpty else { return }
        isDuplicateInvoice = try checker.hasReceived(issuer: issuer, invoiceNumber: invoiceNumber)
    }
}
