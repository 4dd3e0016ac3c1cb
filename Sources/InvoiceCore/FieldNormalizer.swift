/// Turns the text extracted for a canonical field into its `FieldValue`: amounts to integer
/// yen, dates to `YYYY-MM-DD`, the registration number to `T` + 13 digits, names to their NFKC
/// form without honorifics; anything else NFKC with whitespace collapsed.
///
/// The field's confidence is the reading's times the normaliser's. Text that cannot be
/// normalised is kept as read (NFKC) with confidence 0, so the routing policy sends it to
/// review (`field_invalid`, `low_confidence`) and the clerk sees what was printed — never a guess.
public enum FieldNormalizer {
    public static func field(_ name: String, text: String, readConfidence: Double = 1, page: Int? = nil,
                             box: BoundingBox? = nil) -> FieldValue {
        let asRead = JapaneseText.nfkc(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let failed = FieldValue(asRead.isEmpty ? nil : asRead, confidence: 0, page: page, box: box)
        if CanonicalField.amounts.contains(name) {
            guard let amount = try? YenAmount.parse(text) else { return failed }
            return FieldValue(amount: amount, readConfidence: readConfidence, page: page, box: box)
        }
        if CanonicalField.dates.contains(name) {
            guard let date = try? InvoiceDateParser.parse(text) else { return failed }
            return FieldValue(date: date, readConfidence: readConfidence, page: page, box: box)
        }
        switch name {
        case CanonicalField.registrationNumber:
            guard let number = RegistrationNumber.parse(from: text) else { return failed }
            return FieldValue(registrationNumber: number, readConfidence: readConfidence, page: page, box: box)
        case CanonicalField.issuerName, CanonicalField.recipientName:
            let normalized = CompanyName(text).normalized
            return FieldValue(normalized.isEmpty ? nil : normalized, confidence: readConfidence, page: page, box: box)
        default:
            return FieldValue(asRead.isEmpty ? nil : asRead, confidence: readConfidence, page: page, box: box)
        }
    }
}
