/// Decides, with reasons, whether a document may be posted to the ledger or must go to review.
///
/// A document reaches the ledger only when every required item is present, every field is in
/// canonical form and at least `minimumFieldConfidence`, the registration number passes its
/// check digit and was registered on the issue date under a name like the printed one, the
/// tax arithmetic holds, and the invoice number is new for its issuer. Anything else is review,
/// with every reason found (not just the first), so the clerk sees the whole picture.
/// The thresholds are configuration; the defaults are what an accounts-payable team would want.
public struct RoutingPolicy: Hashable, Sendable {
    /// Below this, a field's value is doubtful (`low_confidence`).
    public var minimumFieldConfidence: Double
    /// Below this, the printed issuer is not the registered one (`issuer_name_mismatch`).
    public var minimumNameSimilarity: Double
    /// Whether a document read by the generic extractor may still be posted (else `no_template`).
    public var allowsLedgerWithoutTemplate: Bool
    /// Whether a missing registry answer blocks the ledger (`registry_unavailable`).
    public var requiresRegistryAnswer: Bool
    /// Fields needed to post beyond the legal required items.
    public var additionalRequiredFields: [String]
    /// The roundings accepted for the tax per rate.
    public var allowedRoundings: Set<TaxRounding>

    public init(minimumFieldConfidence: Double = 0.9, minimumNameSimilarity: Double = 0.85,
                allowsLedgerWithoutTemplate: Bool = true, requiresRegistryAnswer: Bool = true,
                additionalRequiredFields: [String] = [CanonicalField.totalAmount],
                allowedRoundings: Set<TaxRounding> = Set(TaxRounding.allCases)) {
        self.minimumFieldConfidence = minimumFieldConfidence
        self.minimumNameSimilarity = minimumNameSimilarity
        self.allowsLedgerWithoutTemplate = allowsLedgerWithoutTemplate
        self.requiresRegistryAnswer = requiresRegistryAnswer
        self.additionalRequiredFields = additionalRequiredFields
        self.allowedRoundings = allowedRoundings
    }

    public func route(_ input: RoutingInput) -> RoutingDecision {
        var reasons = RequiredItems.missing(in: input.fields, kind: input.kind, hasLineItems: !input.lines.isEmpty)
        for name in additionalRequiredFields where !(input.fields[name]?.isPresent ?? false)
            && !reasons.contains(where: { $0.field == name }) {
            reasons.append(Reason(.fieldMissing, field: name, message: "The field is needed to post the invoice."))
        }
        reasons += formatProblems(input.fields)
        reasons += confidenceProblems(input.fields)
        reasons += registryProblems(input)
        reasons += TaxCheck.check(TaxBreakdown(fields: input.fields, basis: input.taxBasis, lines: input.lines),
                                  allowed: allowedRoundings).reasons
        if input.isDuplicateInvoice {
            reasons.append(Reason(.duplicateInvoice, field: CanonicalField.invoiceNumber,
                                  message: "An invoice with the same issuer and invoice number was received before."))
        }
        if input.template == nil && !allowsLedgerWithoutTemplate {
            reasons.append(Reason(.noTemplate, message: "No layout template matched; fields were found by the generic extractor."))
        }
        return RoutingDecision(outcome: reasons.isEmpty ? .ledger : .review, reasons: reasons)
    }

    /// Values that are present but not canonical, and registration numbers whose check digit fails.
    private func formatProblems(_ fields: [String: FieldValue]) -> [Reason] {
        var reasons: [Reason] = []
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) where field.isPresent {
            if CanonicalField.amounts.contains(name), field.intValue == nil {
                reasons.append(Reason(.fieldInvalid, field: name, message: "The amount is not a whole number of yen."))
            } else if CanonicalField.dates.contains(name), field.dateValue == nil {
                reasons.append(Reason(.fieldInvalid, field: name, message: "The date is not a real YYYY-MM-DD date."))
            } else if name == CanonicalField.registrationNumber {
                if let number = field.registrationNumberValue {
                    if !number.isCheckDigitValid {
                        reasons.append(Reason(.registrationNumberInvalid, field: name,
                                              message: "The registration number's check digit does not match; it may be misread."))
                    }
                } else {
                    reasons.append(Reason(.registrationNumberInvalid, field: name,
                                          message: "The registration number is not T followed by 13 digits."))
                }
            }
        }
        return reasons
    }

    private func confidenceProblems(_ fields: [String: FieldValue]) -> [Reason] {
        fields.sorted(by: { $0.key < $1.key })
            .filter { $0.value.isPresent && !($0.value.confidence >= minimumFieldConfidence) }
            .map { Reason(.lowConfidence, field: $0.key, message: "The value was not read with enough confidence to post it unchecked.") }
    }

    private func registryProblems(_ input: RoutingInput) -> [Reason] {
        let field = CanonicalField.registrationNumber
        guard let number = input.fields[field]?.registrationNumberValue else { return [] }
        guard let answer = input.registry else {
            return requiresRegistryAnswer
                ? [Reason(.registryUnavailable, field: field, message: "The registry could not be asked about the registration number; import it with `registry import`.")]
                : []
        }
        guard answer.number == number.formatted else {
            return [Reason(.registryUnavailable, field: field, message: "The registry answer is for a different number.")]
        }
        if !answer.found {
            return [Reason(.registrationNumberNotFound, field: field, message: "The registration number is not in the registry.")]
        }
        var reasons: [Reason] = []
        if !answer.registered {
            reasons.append(Reason(.registrationNotActive, field: field,
                                  message: "The issuer was not a registered qualified-invoice issuer on the issue date."))
        }
        if let issueDate = input.fields[CanonicalField.issueDate]?.dateValue, issueDate != answer.date {
            reasons.append(Reason(.registrationNotActive, field: field,
                                  message: "The registry was asked about another date than the issue date."))
        }
        // A sole proprietor may publish no name: then only the number is checked.
        if !answer.names.isEmpty, let printed = input.fields[CanonicalField.issuerName]?.value,
           CompanyName(printed).bestSimilarity(to: answer.names) < minimumNameSimilarity {
            reasons.append(Reason(.issuerNameMismatch, field: CanonicalField.issuerName,
                                  message: "The issuer's name differs from the registered name."))
        }
        return reasons
    }
}
