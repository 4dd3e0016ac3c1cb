import InvoiceCore

/// Chooses one candidate per field by consistency, not by order: the registration number with
/// a valid check digit (and the template's own number first), an issuer that is not the
/// recipient, and the amounts whose tax arithmetic adds up (`TaxCheck`).
struct Resolver {
    var candidates: [String: [Candidate]]
    /// The template's registration numbers, preferred when printed.
    var expectedRegistrationNumbers: Set<String> = []
    /// How the per-rate amounts are printed: the arithmetic is checked on that basis.
    var basis: TaxBasis = .exclusive

    /// The chosen candidate per field (absent when none), the arithmetic's reasons, and whether
    /// the arithmetic tied the amounts together.
    func resolve() -> (chosen: [String: Candidate], reasons: [Reason], consistent: Bool) {
        var chosen: [String: Candidate] = [:]
        for field in CanonicalField.all where !CanonicalField.amounts.contains(field) {
            chosen[field] = candidates[field]?.first
        }
        if let numbers = candidates[CanonicalField.registrationNumber] {
            chosen[CanonicalField.registrationNumber] = numbers.max { rank($0) < rank($1) }
        }
        if let read = chosen[CanonicalField.registrationNumber], !expectedRegistrationNumbers.contains(read.value),
           let known = expectedRegistrationNumbers.first(where: { Self.differInFewDigits(read.value, $0) }) {
            // OCR misread a digit or two of the number the template's supplier is registered
            // under: that number is far likelier than the reading, but not sure enough to post.
            var corrected = read
            corrected.value = known
            corrected.confidence = Swift.min(0.85, read.confidence + 0.3)
            corrected.locator = read.locator + " (template's number; read as \(read.value))"
            chosen[CanonicalField.registrationNumber] = corrected
        }
        if let recipient = chosen[CanonicalField.recipientName], let issuers = candidates[CanonicalField.issuerName] {
            chosen[CanonicalField.issuerName] = issuers.first { $0.value != recipient.value }
        }
        // One printed date is one field's: where the issue date and the due date would be the
        // same words, the less sure reading (the unlabelled guess) takes its next candidate.
        for (field, other) in [(CanonicalField.issueDate, CanonicalField.dueDate), (CanonicalField.dueDate, CanonicalField.issueDate)] {
            guard let mine = chosen[field], let theirs = chosen[other], mine.page == theirs.page, let box = mine.box,
                  let their = theirs.box, box.contains(x: their.midX, y: their.midY) || their.contains(x: box.midX, y: box.midY),
                  mine.confidence < theirs.confidence else { continue }
            chosen[field] = candidates[field]?.first { candidate in
                candidate.page != theirs.page || !(candidate.box.map { their.contains(x: $0.midX, y: $0.midY) } ?? false)
            }
        }
        let (amounts, reasons, consistent) = resolveAmounts()
        chosen.merge(amounts) { $1 }
        return (chosen, reasons, consistent)
    }

    /// Two `T` + 13 digit numbers that differ in at most two places.
    static func differInFewDigits(_ left: String, _ right: String) -> Bool {
        guard left.count == right.count else { return false }
        return zip(left, right).filter { $0 != $1 }.count <= 2
    }

    private func rank(_ candidate: Candidate) -> (Int, Int, Double) {
        let valid = RegistrationNumber(candidate.value)?.isCheckDigitValid == true ? 1 : 0
        return (expectedRegistrationNumbers.contains(candidate.value) ? 1 : 0, valid, candidate.confidence)
    }

    // MARK: - Amounts

    private typealias Choice = [String: Candidate]

    private func options(_ field: String, zero: Bool) -> [Candidate?] {
        var result: [Candidate?] = Array((candidates[field] ?? []).prefix(3))
        // Only a rate printed nowhere is 0 (SPEC); a rate with unreadable amounts stays missing.
        let ratePrinted = [field, field.replacingTaxablePrefix].contains { !(candidates[$0] ?? []).isEmpty }
        if zero, !ratePrinted, !result.contains(where: { $0?.value == "0" }) {
            result.append(Candidate(value: "0", text: "", confidence: 0.8, page: nil, box: nil,
                                    locator: "implied: 0 (no amount printed at this rate)"))
        }
        result.append(nil)
        return result
    }

    private func score(_ choice: Choice) -> Double { choice.values.reduce(0) { $0 + $1.confidence } }

    private func values(_ choice: Choice) -> [String: FieldValue] { choice.mapValues(\.fieldValue) }

    /// +2 when a rate's amount and tax were both chosen and fit each other, −2 when they do
    /// not, 0 otherwise.
    private func pairBonus(_ pair: Choice, rate: Int) -> Double {
        guard let amount = pair[rate == 10 ? CanonicalField.taxable10 : CanonicalField.taxable8]?.fieldValue.intValue,
              let tax = pair[rate == 10 ? CanonicalField.tax10 : CanonicalField.tax8]?.fieldValue.intValue else { return 0 }
        return TaxCheck.check(TaxBreakdown(basis: basis, rates: [.init(rate: rate, amount: amount, tax: tax)])).isConsistent ? 2 : -2
    }

    /// The best few (amount, tax) pairs of one rate, pairs whose tax fits the amount first.
    private func pairs(rate: Int) -> [Choice] {
        let (amountField, taxField) = ("taxable_\(rate)", "tax_\(rate)")
        var result: [(Choice, Double)] = []
        for amount in options(amountField, zero: true) {
            for tax in options(taxField, zero: true) {
                var choice: Choice = [:]
                choice[amountField] = amount
                choice[taxField] = tax
                if amount?.value == "0", tax == nil { continue }
                // A rate's tax is only believed beside its amount, which it must fit.
                if amount == nil, tax != nil, !(candidates[amountField] ?? []).isEmpty { continue }
                var bonus = 0.0
                if let amount = amount?.fieldValue.intValue, let tax = tax?.fieldValue.intValue {
                    let check = TaxCheck.check(TaxBreakdown(basis: basis, rates: [.init(rate: rate, amount: amount, tax: tax)]))
                    bonus = check.isConsistent ? 2 : -2
                }
                result.append((choice, score(choice) + bonus))
            }
        }
        return result.sorted { $0.1 > $1.1 }.prefix(4).map(\.0)
    }

    private func resolveAmounts() -> (Choice, [Reason], Bool) {
        var best: (choice: Choice, score: Double, consistent: Bool)?
        let pairs8 = pairs(rate: 8).map { ($0, pairBonus($0, rate: 8)) }
        for pair10 in pairs(rate: 10) {
            let bonus10 = pairBonus(pair10, rate: 10)
            for (pair8, bonus8) in pairs8 {
                let rates = pair10.merging(pair8) { $1 }
                let pairBonus = bonus10 + bonus8
                let derived = derivedTax(rates)
                for total in options(CanonicalField.totalAmount, zero: false) {
                    for tax in options(CanonicalField.taxAmount, zero: false) + [derived] {
                        var choice = rates
                        choice[CanonicalField.totalAmount] = total
                        choice[CanonicalField.taxAmount] = tax
                        let fields = values(choice)
                        let check = TaxCheck.check(TaxBreakdown(fields: fields, basis: basis))
                        let consistent = check.isConsistent && Self.totalIsChecked(fields)
                        let value = score(choice) + pairBonus + (consistent ? 10 : 0)
                        if best == nil || value > best!.score { best = (choice, value, consistent) }
                    }
                }
            }
        }
        guard let best else { return ([:], [], false) }
        // Amounts that do not add up, or that add up only because one is missing (a tax total
        // equal to the one rate tax read, the other rate's unread): what the arithmetic implies.
        let missing = AmountRepair.fields.contains { best.choice[$0] == nil }
        if !best.consistent || missing, let repaired = repair(best.choice) { return (repaired, [], true) }
        var choice = best.choice
        // A rate printed nowhere is 0 by SPEC; with the arithmetic confirming, so are its parts.
        for rate in [10, 8] where choice["taxable_\(rate)"]?.value == "0" && choice["tax_\(rate)"] == nil {
            choice["tax_\(rate)"] = choice["taxable_\(rate)"]
        }
        if best.consistent {
            // Derived and implied values are as sure as the printed ones the arithmetic ties them to.
            let printed = choice.values.filter { $0.page != nil }.map(\.confidence).min() ?? 1
            for (field, candidate) in choice where candidate.page == nil {
                choice[field]?.confidence = Swift.min(0.99, printed)
            }
            return (choice, [], true)
        }
        let check = TaxCheck.check(TaxBreakdown(fields: values(choice), basis: basis))
        return (choice, check.reasons, false)
    }

    /// The chosen amounts with what the tax arithmetic implies where they did not add up or were
    /// missing (see `AmountRepair`). A value that only fills a gap is as sure as the readings it
    /// is computed from; one that replaces a reading keeps the place it was printed, says what
    /// was read, and is never sure enough to post (at most 0.8).
    private func repair(_ choice: Choice) -> Choice? {
        var known: [String: Int] = [:], confidence: [String: Double] = [:]
        for field in AmountRepair.fields {
            guard let candidate = choice[field], let value = Int(candidate.value) else { continue }
            known[field] = value
            confidence[field] = candidate.confidence
        }
        guard let values = AmountRepair.repair(known, confidence: confidence, basis: basis) else { return nil }
        let printed = choice.values.filter { $0.page != nil }.map(\.confidence).min() ?? 0.8
        let replacesReading = values.contains { known[$0.key] != nil && known[$0.key] != $0.value }
        var repaired = choice
        for (field, value) in values where known[field] != value {
            let read = choice[field]
            repaired[field] = Candidate(value: String(value), text: read?.text ?? "",
                                        confidence: Swift.min(replacesReading ? 0.8 : 0.99, printed),
                                        page: read?.page, box: read?.box,
                                        locator: "derived from the tax arithmetic" + (read.map { " (read as \($0.value))" } ?? ""))
        }
        return repaired
    }

    /// Whether the arithmetic really tied the total to the rates: a total, at least one rate, and
    /// every rate's tax known (or the total tax). Leaving a value out must not pass for consistency.
    private static func totalIsChecked(_ fields: [String: FieldValue]) -> Bool {
        guard fields[CanonicalField.totalAmount]?.intValue != nil else { return false }
        let rates = [10, 8].filter { fields["taxable_\($0)"]?.intValue != nil }
        guard !rates.isEmpty else { return false }
        let taxesKnown = rates.allSatisfy { rate in
            fields["tax_\(rate)"]?.intValue != nil || fields["taxable_\(rate)"]?.intValue == 0
        }
        return taxesKnown || fields[CanonicalField.taxAmount]?.intValue != nil
    }

    /// The total tax as the sum of the rates' taxes, for invoices that print no separate total tax.
    private func derivedTax(_ rates: Choice) -> Candidate? {
        // Only when every rate's tax is known (or the rate is 0): a missing tax would make the sum wrong.
        for rate in [10, 8] where rates["tax_\(rate)"] == nil && rates["taxable_\(rate)"]?.value != "0" { return nil }
        let taxes = [rates["tax_10"], rates["tax_8"]].compactMap { $0 }
        guard !taxes.isEmpty, taxes.contains(where: { $0.value != "0" }) else { return nil }
        let sum = taxes.compactMap { Int($0.value) }.reduce(0, +)
        return Candidate(value: String(sum), text: "", confidence: (taxes.map(\.confidence).min() ?? 0) * 0.9,
                         page: nil, box: nil, locator: "derived: tax_10 + tax_8")
    }
}

extension String {
    /// `taxable_10` ↔ `tax_10`: the other field of the same rate.
    fileprivate var replacingTaxablePrefix: String {
        hasPrefix("taxable_") ? "tax_" + dropFirst("taxable_".count) : "taxable_" + dropFirst("tax_".count)
    }
}
