public import InvoiceCore
public import InvoiceTemplates

/// The routing decision for an extraction, as the worker makes it and `extract --route` shows it:
/// the policy on the fields as printed (tax basis), the kind, the template, the line items, the
/// registry's answer and the duplicate check — plus the extractor's own doubts (an ambiguous
/// template, candidates that disagree); "no template" only when the policy says so.
public enum ExtractionRouting {
    /// The registration number and issue date the registry must be asked about, if both were read.
    public static func registryQuestion(_ extraction: ExtractionResult) -> (number: RegistrationNumber, date: CivilDate)? {
        let fields = extraction.routingFields
        guard let number = fields[CanonicalField.registrationNumber]?.registrationNumberValue,
              let date = fields[CanonicalField.issueDate]?.dateValue else { return nil }
        return (number, date)
    }

    public static func decide(_ extraction: ExtractionResult, registry: RegistryAnswer?, isDuplicateInvoice: Bool,
                              policy: RoutingPolicy) -> RoutingDecision {
        let fields = extraction.routingFields.filter { $0.value.isPresent || CanonicalField.all.contains($0.key) }
        let input = RoutingInput(fields: fields, kind: extraction.kind, template: extraction.template, registry: registry,
                                 isDuplicateInvoice: isDuplicateInvoice, taxBasis: extraction.taxBasis, lines: extraction.taxLines)
        var reasons = policy.route(input).reasons
        for reason in extraction.reasons where reason.code != .noTemplate
            && !reasons.contains(where: { $0.code == reason.code && $0.field == reason.field }) {
            reasons.append(reason)
        }
        return RoutingDecision(outcome: reasons.isEmpty ? .ledger : .review, reasons: reasons)
    }
}
