public import InvoiceCore

/// The values of one ledger entry version: SPEC.md's canonical fields, normalised (dates ISO,
/// integer yen, `T` + 13 digits). Encodes with SPEC's field names and explicit nulls.
public struct LedgerValues: Sendable, Hashable, Codable {
    public var issuerName: String?
    public var registrationNumber: String?
    public var invoiceNumber: String?
    public var issueDate: String?
    public var dueDate: String?
    public var recipientName: String?
    public var totalAmount: Int
    public var taxAmount: Int?
    public var taxable10: Int?
    public var tax10: Int?
    public var taxable8: Int?
    public var tax8: Int?

    public init(issuerName: String? = nil, registrationNumber: String? = nil, invoiceNumber: String? = nil,
                issueDate: String? = nil, dueDate: String? = nil, recipientName: String? = nil, totalAmount: Int,
                taxAmount: Int? = nil, taxable10: Int? = nil, tax10: Int? = nil, taxable8: Int? = nil, tax8: Int? = nil) {
        self.issuerName = issuerName
        self.registrationNumber = registrationNumber
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.recipientName = recipientName
        self.totalAmount = totalAmount
        self.taxAmount = taxAmount
        self.taxable10 = taxable10
        self.tax10 = tax10
        self.taxable8 = taxable8
        self.tax8 = tax8
    }

    /// From a document's canonical fields; nil without a whole-yen `total_amount`.
    public init?(fields: [String: FieldValue]) {
        guard let total = fields[CanonicalField.totalAmount]?.intValue else { return nil }
        self.init(totalAmount: total)
        for name in CanonicalField.all where name != CanonicalField.totalAmount {
            if let value = fields[name]?.value { set(name, value) }
        }
    }

    /// The value of a canonical field as text (amounts in decimal digits), nil when absent.
    public subscript(field: String) -> String? {
        switch field {
        case CanonicalField.issuerName: issuerName
        case CanonicalField.registrationNumber: registrationNumber
        case CanonicalField.invoiceNumber: invoiceNumber
        case CanonicalField.issueDate: issueDate
        case CanonicalField.dueDate: dueDate
        case CanonicalField.recipientName: recipientName
        case CanonicalField.totalAmount: String(totalAmount)
        case CanonicalField.taxAmount: taxAmount.map(String.init)
        case CanonicalField.taxable10: taxable10.map(String.init)
        case CanonicalField.tax10: tax10.map(String.init)
        case CanonicalField.taxable8: taxable8.map(String.init)
        case CanonicalField.tax8: tax8.map(String.init)
        default: nil
        }
    }

    /// Sets a canonical field from already-normalised text (see `LedgerCorrection` for checking
    /// text as typed). An amount that is not whole yen becomes absent; the total stays as it was.
    mutating func set(_ field: String, _ text: String?) {
        let number = text.flatMap { Int($0) }
        switch field {
        case CanonicalField.issuerName: issuerName = text
        case CanonicalField.registrationNumber: registrationNumber = text
        case CanonicalField.invoiceNumber: invoiceNumber = text
        case CanonicalField.issueDate: issueDate = text
        case CanonicalField.dueDate: dueDate = text
        case CanonicalField.recipientName: recipientName = text
        case CanonicalField.totalAmount: if let number { totalAmount = number }
        case CanonicalField.taxAmount: taxAmount = number
        case CanonicalField.taxable10: taxable10 = number
        case CanonicalField.tax10: tax10 = number
        case CanonicalField.taxable8: taxable8 = number
        case CanonicalField.tax8: tax8 = number
        default: break
        }
    }

    /// Removes an optional field's value (the total is never absent).
    mutating func clear(_ field: String) {
        if field != CanonicalField.totalAmount { set(field, nil) }
    }

    /// Every canonical field as text, for event payloads and comparisons.
    public var texts: [String: String?] {
        var texts: [String: String?] = [:]
        for name in CanonicalField.all { texts[name] = self[name] }
        return texts
    }

    /// The values as the tax arithmetic reads them.
    public var taxBreakdown: TaxBreakdown {
        TaxBreakdown(fields: CanonicalField.all.reduce(into: [:]) { fields, name in
            if let value = self[name] { fields[name] = FieldValue(value) }
        })
    }

    /// The counterparty key that `ledger search --counterparty` matches partially: the issuer's
    /// name without its legal form, spaces or punctuation (株式会社テスト, テスト(株) → テスト).
    public static func counterpartyKey(_ name: String) -> String {
        let company = CompanyName(name)
        return company.core.isEmpty ? company.normalized.lowercased() : company.core
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for name in CanonicalField.all {
            let key = Key(stringValue: name)
            if CanonicalField.amounts.contains(name) {
                try container.encode(self[name].flatMap { Int($0) }, forKey: key)
            } else {
                try container.encode(self[name], forKey: key)
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        self.init(totalAmount: try container.decode(Int.self, forKey: Key(stringValue: CanonicalField.totalAmount)))
        for name in CanonicalField.all where name != CanonicalField.totalAmount {
            let key = Key(stringValue: name)
            if CanonicalField.amounts.contains(name) {
                set(name, try container.decodeIfPresent(Int.self, forKey: key).map(String.init))
            } else {
                set(name, try container.decodeIfPresent(String.self, forKey: key))
            }
        }
    }
}
