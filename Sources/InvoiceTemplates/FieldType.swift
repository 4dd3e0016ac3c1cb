import InvoiceCore

/// How a field's text is read and normalised: each type goes through the core's normaliser for it.
public enum FieldType: String, Sendable, CaseIterable, Codable {
    /// Free text such as a company name: NFKC, honorifics removed for the name fields.
    case text
    /// A date in any printed form `InvoiceDateParser` accepts; `YYYY-MM-DD`.
    case date
    /// A yen amount in any printed form `YenAmount` accepts; integer yen.
    case amount
    /// `T` + 13 digits; the check digit decides between candidates.
    case registrationNumber = "registration_number"
    /// An invoice number or similar code: one token of letters and digits holding at least one digit.
    case identifier

    /// The type a canonical field has unless its template says otherwise.
    public static func natural(for field: String) -> FieldType {
        if CanonicalField.amounts.contains(field) { return .amount }
        if CanonicalField.dates.contains(field) { return .date }
        switch field {
        case "registration_number": return .registrationNumber
        case "invoice_number": return .identifier
        default: return .text
        }
    }
}
