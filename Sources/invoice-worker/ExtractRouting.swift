import InvoiceCore
import InvoiceTemplates

/// `extract --route`: where the worker would send a document by the default `RoutingPolicy`,
/// from the extraction (fields on their printed tax basis, kind, template, line items) and the
/// registry's answer when one was imported. No duplicate check: nothing is stored.
enum ExtractRouting {
    static func decide(_ extraction: ExtractionResult, registry: (any RegistryLookup)?) -> RoutingDecision {
        let fields = extraction.routingFields
        var answer: RegistryAnswer?
        if let registry, let number = fields[CanonicalField.registrationNumber]?.registrationNumberValue,
           let date = fields[CanonicalField.issueDate]?.dateValue {
            answer = try? registry.lookup(number.formatted, on: date)
        }
        let input = RoutingInput(fields: fields, kind: extraction.kind, template: extraction.template, registry: answer,
                                 isDuplicateInvoice: false, taxBasis: extraction.taxBasis, lines: extraction.taxLines)
        let decision = RoutingPolicy().route(input)
        // The extractor's own doubts (an ambiguous template) hold the document back too, as in
        // the worker; "no template" only when the policy says so.
        var reasons = decision.reasons
        for reason in extraction.reasons where reason.code != .noTemplate
            && !reasons.contains(where: { $0.code == reason.code && $0.field == reason.field }) {
            reasons.append(reason)
        }
        return RoutingDecision(outcome: reasons.isEmpty ? .ledger : .review, reasons: reasons)
    }
}
