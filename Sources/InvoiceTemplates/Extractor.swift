public import InvoiceCore

/// Reads the canonical fields from a document's pages: picks the best-fitting template (or the
/// generic extractor when none fits), runs every locator of every field, normalises the
/// candidates and resolves them by consistency. Pure and fast: no I/O.
public enum Extractor {
    /// Extracts with the best template of `templates`, or `templateName` when given (SPEC's
    /// `extract --template NAME`); the generic extractor when no template fits.
    public static func extract(pages: [PageText], templates: TemplateLibrary, templateName: String? = nil) -> ExtractionResult {
        let indexed = pages.map(IndexedPage.init)
        let scores = TemplateMatcher.scores(pages: indexed, library: templates)
        if let templateName {
            guard let template = templates.template(named: templateName) else {
                var result = extract(indexed, template: .generic, scores: scores)
                result.template = nil
                result.reasons.insert(Reason(.noTemplate, message: "No template has the requested name; run `templates list` to see the loaded ones."), at: 0)
                return result
            }
            return extract(indexed, template: template, scores: scores)
        }
        let eligible = scores.filter(\.isEligible)
        guard let best = eligible.first, let template = templates.template(named: best.template) else {
            var result = extract(indexed, template: .generic, scores: scores)
            result.template = nil
            result.reasons.insert(Reason(.noTemplate, message: "No template fits this layout; the generic extractor read it."), at: 0)
            return result
        }
        var result = extract(indexed, template: template, scores: scores)
        if eligible.count > 1, eligible[1].score >= best.score * 0.9 {
            result.reasons.insert(Reason(.templateAmbiguous, message: "Two templates fit this document almost equally well; check that the right layout was used."), at: 0)
        }
        return result
    }

    /// Extracts with one given template, whatever its score (`templates test TEMPLATE FILE`).
    public static func extract(pages: [PageText], template: Template) -> ExtractionResult {
        let indexed = pages.map(IndexedPage.init)
        let scores = TemplateMatcher.scores(pages: indexed, library: TemplateLibrary(templates: [template]))
        return extract(indexed, template: template, scores: scores)
    }

    /// Extracts with the generic extractor only.
    public static func extractGeneric(pages: [PageText]) -> ExtractionResult {
        var result = extract(pages.map(IndexedPage.init), template: .generic, scores: [])
        result.template = nil
        return result
    }

    /// Every template's score for the document, best first.
    public static func scores(pages: [PageText], templates: TemplateLibrary) -> [TemplateScore] {
        TemplateMatcher.scores(pages: pages.map(IndexedPage.init), library: templates)
    }

    /// How much less sure the generic extractor's reading of a field is when it stands in for a
    /// template's locators that found nothing.
    static let genericFallbackCertainty = 0.8

    static func extract(_ pages: [IndexedPage], template: Template, scores: [TemplateScore]) -> ExtractionResult {
        let evaluator = LocatorEvaluator(pages: pages, knownLabels: template.knownLabels)
        var candidates: [String: [Candidate]] = [:]
        let memo = ValueNormalizer.Memo()
        for rule in template.fields {
            let located = rule.locators.flatMap { evaluator.evaluate($0, wholeBlocks: rule.type == .text) }
            candidates[rule.field] = ValueNormalizer.candidates(located, field: rule.field, type: rule.type, memo: memo)
        }
        // On a scan, a field the template says is printed but whose locators found nothing (OCR
        // garbled the text they expect): the generic extractor's labels look for it, less
        // surely, and the value must still fit the template's patterns for it. Its weak
        // guesses (any date on the page, a bare `No.`) are left out: they would take another
        // field's value. A text layer prints what the template expects: no stand-in there.
        if template.name != Template.generic.name, pages.contains(where: \.isOCR) {
            for rule in template.fields where candidates[rule.field]?.isEmpty == true {
                guard let generic = Template.generic.fields.first(where: { $0.field == rule.field }) else { continue }
                let patterns = rule.locators.compactMap(\.pattern)
                let located = generic.locators.filter { $0.certainty >= 0.7 }
                    .flatMap { evaluator.evaluate($0, wholeBlocks: rule.type == .text) }
                    .compactMap { found -> LocatedText? in
                        let token = patterns.isEmpty ? found.token
                            : patterns.lazy.compactMap { LocatorEvaluator.apply(pattern: $0, to: found.token) }.first
                        guard let token else { return nil }
                        return LocatedText(token: token, certainty: found.certainty * genericFallbackCertainty, locator: "generic " + found.locator)
                    }
                candidates[rule.field] = ValueNormalizer.candidates(located, field: rule.field, type: rule.type, memo: memo)
            }
        }
        let statedBasis = template.taxBasis ?? TaxBasis.printed(on: pages)
        var resolver = Resolver(candidates: candidates, expectedRegistrationNumbers: Set(template.match.registrationNumbers),
                                basis: statedBasis ?? .exclusive)
        var (chosen, reasons, consistent) = resolver.resolve()
        // Labels silent on the basis: amounts that only add up with the tax included are printed so.
        if statedBasis == nil, !consistent {
            resolver.basis = .inclusive
            let inclusive = resolver.resolve()
            if inclusive.consistent { (chosen, reasons, consistent) = inclusive } else { resolver.basis = .exclusive }
        }
        let pickedValues = chosen.mapValues(\.value)
        let printedAmounts = Self.makeExclusive(&chosen, basis: resolver.basis)
        let fields = CanonicalField.all.map { field in
            let pick = chosen[field]
            let others = (candidates[field] ?? []).filter { $0.value != pickedValues[field] }
            return ExtractedField(field: field, value: pick?.fieldValue ?? FieldValue(nil, confidence: 0),
                                  locator: pick?.locator, alternatives: others)
        }
        let kind = template.kind ?? InvoiceKind.printed(on: pages, hasRecipient: chosen[CanonicalField.recipientName] != nil)
        let lineItems = LineItemReader(rules: template.lineItems ?? .standard).read(pages)
        return ExtractionResult(template: template.name, scores: scores, fields: fields, reasons: reasons,
                                taxBasis: resolver.basis, kind: kind, lineItems: lineItems, printedAmounts: printedAmounts)
    }

    /// SPEC's `taxable_N` is without tax: on an inclusive document each rate's printed amount
    /// loses its printed tax (or, when none is printed, the tax it contains, rounded down).
    /// Returns the printed amounts by field, for the arithmetic on the printed basis.
    static func makeExclusive(_ chosen: inout [String: Candidate], basis: TaxBasis) -> [String: Int] {
        guard basis == .inclusive else { return [:] }
        var printed: [String: Int] = [:]
        for rate in [10, 8] {
            let field = "taxable_\(rate)"
            guard let candidate = chosen[field], let amount = Int(candidate.value) else { continue }
            let tax = chosen["tax_\(rate)"].flatMap { Int($0.value) }
                ?? TaxCheck.tax(on: amount, rate: rate, basis: .inclusive, rounding: .down)
            printed[field] = amount
            chosen[field]?.value = String(amount - tax)
        }
        return printed
    }
}
