import Foundation
public import InvoiceCore

/// Turns `FIELD=VALUE` text as a clerk types it into normalised values with InvoiceCore's
/// parsers, and checks the result the way the pipeline checks an invoice (registration number
/// check digit, per-rate tax arithmetic, totals).
public enum LedgerCorrection {
    /// The values after applying `changes` (field name → text; empty text clears an optional
    /// field). Throws `LedgerError` for an unknown field or a value that cannot be read.
    public static func apply(_ changes: [String: String], to values: LedgerValues) throws -> LedgerValues {
        var result = values
        for (field, text) in changes.sorted(by: { $0.key < $1.key }) {
            guard CanonicalField.all.contains(field) else { throw LedgerError.unknownField(field) }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                guard field != CanonicalField.totalAmount else {
                    throw LedgerError.invalidValue(field, "cannot be empty: every ledger entry has a total.")
                }
                result.clear(field)
                continue
            }
            result.set(field, try normalise(field, trimmed))
        }
        return result
    }

    /// The checks the values fail: nothing means they may be saved without `--force`.
    public static func failures(of values: LedgerValues) -> [Reason] {
        var reasons: [Reason] = []
        if let text = values.registrationNumber, RegistrationNumber(text)?.isCheckDigitValid != true {
            reasons.append(Reason(.registrationNumberInvalid, field: CanonicalField.registrationNumber,
                                  message: "The registration number's check digit does not match its other digits."))
        }
        reasons += TaxCheck.check(values.taxBreakdown).reasons
        return reasons
    }

    static func normalise(_ field: String, _ text: String) throws -> String {
        do {
            if CanonicalField.amounts.contains(field) { return String(try YenAmount.parse(text).value) }
            if CanonicalField.dates.contains(field) { return try InvoiceDateParser.parse(text).value.iso }
        } catch {
            throw LedgerError.invalidValue(field, error)
        }
        switch field {
        case CanonicalField.registrationNumber:
            guard let number = typedRegistrationNumber(text) else {
                throw LedgerError.invalidValue(field, "is not T and 13 digits.")
            }
            return number.formatted
        case CanonicalField.issuerName, CanonicalField.recipientName:
            return CompanyName(text).normalized
        default:
            return text.precomposedStringWithCompatibilityMapping
        }
    }

    /// A registration number as typed: `T` + 13 digits, or the 13 digits alone; spaces, hyphens
    /// and full-width characters allowed. Nil for anything else (no OCR repairs for typed text).
    public static func typedRegistrationNumber(_ text: String) -> RegistrationNumber? {
        let folded = text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace && $0 != "-" }
        let digits = folded.hasPrefix("T") || folded.hasPrefix("t") ? String(folded.dropFirst()) : folded
        return RegistrationNumber(digits: digits)
    }
}
