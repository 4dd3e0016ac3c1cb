import Foundation
public import InvoiceCore

/// A clerk's correction `FIELD=VALUE` (`total_amount=54,510`, `issue_date=令和6年5月31日`,
/// `registration_number=T8011001087654`), normalised and validated like an extracted value.
/// An empty value clears the field.
public struct FieldAssignment: Sendable, Hashable {
    public var field: String
    public var value: FieldValue

    /// The field names a correction may name: SPEC's canonical fields and `contents`.
    public static let fields = CanonicalField.all + [CanonicalField.contents]

    public static func parse(_ text: String) throws -> FieldAssignment {
        guard let equals = text.firstIndex(of: "=") else {
            throw FieldAssignmentError(text: text, message: "Write a correction as FIELD=VALUE, e.g. total_amount=54510.")
        }
        let field = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let raw = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        return try FieldAssignment(field: field, text: raw)
    }

    public init(field: String, text raw: String) throws {
        guard Self.fields.contains(field) else {
            throw FieldAssignmentError(text: field, message: "Unknown field; use one of \(Self.fields.joined(separator: ", ")).")
        }
        self.field = field
        guard !raw.isEmpty else {
            value = FieldValue(nil, confidence: 1)
            return
        }
        do {
            if CanonicalField.amounts.contains(field) {
                let amount = try YenAmount.parse(raw)
                guard amount.confidence >= 1 else {
                    throw FieldAssignmentError(text: raw, message: "The amount is ambiguous; type it as plain digits, e.g. 54510.")
                }
                value = FieldValue(String(amount.value), confidence: 1)
            } else if CanonicalField.dates.contains(field) {
                value = FieldValue(try InvoiceDateParser.parse(raw).value.iso, confidence: 1)
            } else if field == CanonicalField.registrationNumber {
                guard let number = RegistrationNumber.parse(from: raw)?.value else {
                    throw FieldAssignmentError(text: raw, message: "A registration number is T followed by 13 digits.")
                }
                guard number.isCheckDigitValid else {
                    throw FieldAssignmentError(text: raw, message: "The registration number's check digit does not match; check the digits.")
                }
                value = FieldValue(number.formatted, confidence: 1)
            } else if field == CanonicalField.issuerName || field == CanonicalField.recipientName {
                value = FieldValue(CompanyName(raw).normalized, confidence: 1)
            } else {
                value = FieldValue(raw.precomposedStringWithCompatibilityMapping, confidence: 1)
            }
        } catch let error as NormalizationError {
            throw FieldAssignmentError(text: raw, message: "\(field): \(error.message)")
        }
    }
}

/// A correction that cannot be used, with what to type instead.
public struct FieldAssignmentError: Error, CustomStringConvertible {
    public let text: String
    public let message: String
    public var description: String { "\"\(text)\": \(message)" }
}
