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

    /// A registration number the registry does not know, when exactly one of the numbers it may
    /// be a misreading of (`RegistrationNumber.possibleOriginals`: a 0 read as 9 or 6 keeps the
    /// check digit valid) is registered under the issuer name read (similarity ≥ 0.8): that
    /// number instead, below the ledger's confidence (the clerk confirms it), its locator saying
    /// what was read. `lookup` answers for one number (nil: no registry). Returns whether the
    /// number changed.
    @discardableResult
    public static func correctRegistrationNumber(_ extraction: inout ExtractionResult,
                                                 lookup: (RegistrationNumber, CivilDate) -> RegistryAnswer?) -> Bool {
        // Whether a number is in the registry at all does not depend on the day asked about.
        let date = extraction.values[CanonicalField.issueDate]?.dateValue ?? CivilDate(year: 2023, month: 10, day: 1)!
        guard let index = extraction.fields.firstIndex(where: { $0.field == CanonicalField.registrationNumber }),
              let read = extraction.fields[index].value.registrationNumberValue,
              let answer = lookup(read, date), !answer.found,
              let issuer = extraction[CanonicalField.issuerName] else { return false }
        let name = CompanyName(issuer)
        var match: RegistrationNumber?
        for candidate in read.possibleOriginals {
            // The registry stopped answering: no correction (and no error per candidate).
            guard let registered = lookup(candidate, date) else { return false }
            guard registered.found,
                  name.bestSimilarity(to: [registered.name, registered.tradeName, registered.popularName].compactMap { $0 }) >= 0.8
            else { continue }
            guard match == nil else { return false }  // two registered companies fit: no guess
            match = candidate
        }
        guard let match else { return false }
        extraction.fields[index].value.value = match.formatted
        extraction.fields[index].value.confidence = min(0.8, extraction.fields[index].value.confidence)
        extraction.fields[index].locator = (extraction.fields[index].locator ?? "") + " (registry: read as \(read.formatted))"
        return true
    }

    /// The corrections the registry allows, in order: the registration number, then the issuer
    /// name by that number. `lookup` answers for one number (nil: no registry).
    public static func correctFromRegistry(_ extraction: inout ExtractionResult, minimumNameSimilarity: Double = RoutingPolicy().minimumNameSimilarity,
                                           lookup: (RegistrationNumber, CivilDate) -> RegistryAnswer?) {
        correctRegistrationNumber(&extraction, lookup: lookup)
        correctIssuerName(&extraction, minimumSimilarity: minimumNameSimilarity, lookup: lookup)
    }

    /// An issuer name read with its beginning or end garbled (a company seal pressed over it:
    /// `株式会社青葉オフィスサTA4ty`), when the registry knows the registration number: the
    /// registered name instead, when the two share the legal form and a run of at least 60% of
    /// the registered name's characters from its start or its end — below the ledger's
    /// confidence (the clerk confirms it), its locator saying what was read. A name as similar
    /// to the registered one as routing asks is left as printed; no name read at all becomes
    /// the registered name, as unsure as the number. Returns whether it changed.
    @discardableResult
    public static func correctIssuerName(_ extraction: inout ExtractionResult, minimumSimilarity: Double,
                                         lookup: (RegistrationNumber, CivilDate) -> RegistryAnswer?) -> Bool {
        let date = extraction.values[CanonicalField.issueDate]?.dateValue ?? CivilDate(year: 2023, month: 10, day: 1)!
        guard let index = extraction.fields.firstIndex(where: { $0.field == CanonicalField.issuerName }),
              let numberField = extraction.values[CanonicalField.registrationNumber],
              let number = numberField.registrationNumberValue,
              let answer = lookup(number, date), answer.found, !answer.names.isEmpty else { return false }
        guard let read = extraction.fields[index].value.value else {
            // No name read at all (the issuer block lost to a light scan): the registered name,
            // surely no more than the number it was found by, and far from the ledger's threshold.
            guard let name = answer.name ?? answer.names.first else { return false }
            extraction.fields[index].value = FieldValue(name, confidence: min(0.7, numberField.confidence))
            extraction.fields[index].locator = "registry: the name registered for \(number.formatted) (no name read)"
            return true
        }
        let printed = CompanyName(read)
        guard printed.bestSimilarity(to: answer.names) < minimumSimilarity else { return false }
        let fits = answer.names.filter { name in
            let registered = CompanyName(name)
            guard registered.form == printed.form, registered.formPosition == printed.formPosition else { return false }
            let a = Array(registered.core), b = Array(printed.core)
            let prefix = zip(a, b).prefix { $0 == $1 }.count
            let suffix = zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
            return max(prefix, suffix) >= max(3, Int((Double(a.count) * 0.6).rounded(.up)))
        }
        guard let name = fits.first, Set(fits.map { CompanyName($0).core }).count == 1 else { return false }
        extraction.fields[index].value.value = name
        extraction.fields[index].value.confidence = min(0.8, extraction.fields[index].value.confidence)
        extraction.fields[index].locator = (extraction.fields[index].locator ?? "") + " (registry: read as \(read))"
        return true
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
