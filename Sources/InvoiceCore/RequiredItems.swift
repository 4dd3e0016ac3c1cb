/// The items the law requires on a qualified invoice (適格請求書) or a simplified one
/// (適格簡易請求書), checked against extracted fields.
///
/// Qualified: issuer name and registration number, transaction date (`issue_date`), contents
/// (a `contents` field or line items), the amounts per rate with their rates (`taxable_10`,
/// `taxable_8`), the tax per rate, the recipient. Simplified: the same without the recipient,
/// and with the tax *or* the rate per rate — the canonical per-rate amount fields carry their
/// rate, so the tax is not required there.
public enum RequiredItems {
    /// A reason for every missing item: `registration_number_missing` for the number,
    /// `field_missing` naming the field for the others.
    public static func missing(in fields: [String: FieldValue], kind: InvoiceKind = .qualified,
                               hasLineItems: Bool = false) -> [Reason] {
        func present(_ name: String) -> Bool { fields[name]?.isPresent ?? false }
        var reasons: [Reason] = []
        func require(_ name: String, _ what: String) {
            if !present(name) {
                reasons.append(Reason(.fieldMissing, field: name, message: "The invoice does not show \(what)."))
            }
        }

        require(CanonicalField.issuerName, "the issuer's name")
        if !present(CanonicalField.registrationNumber) {
            reasons.append(Reason(.registrationNumberMissing, field: CanonicalField.registrationNumber,
                                  message: "The invoice does not show a registration number (T + 13 digits)."))
        }
        require(CanonicalField.issueDate, "the transaction or issue date")
        if !hasLineItems { require(CanonicalField.contents, "what was supplied (contents or line items)") }

        let rates = [(CanonicalField.taxable10, CanonicalField.tax10, 10), (CanonicalField.taxable8, CanonicalField.tax8, 8)]
        if !rates.contains(where: { present($0.0) }) {
            reasons.append(Reason(.fieldMissing, field: CanonicalField.taxable10,
                                  message: "The invoice does not show the amounts per tax rate (10% or 8%)."))
        }
        // A tax printed for a rate needs that rate's amount beside it.
        for (amount, tax, rate) in rates where present(tax) && fields[tax]?.intValue != 0 && !present(amount) {
            if reasons.contains(where: { $0.field == amount }) { continue }
            reasons.append(Reason(.fieldMissing, field: amount,
                                  message: "The invoice shows a tax at \(rate)% but not the amount it is on."))
        }
        if kind == .qualified {
            for (amount, tax, rate) in rates where present(amount) && fields[amount]?.intValue != 0 && !present(tax) {
                reasons.append(Reason(.fieldMissing, field: tax,
                                      message: "The invoice does not show the tax at \(rate)%."))
            }
            require(CanonicalField.recipientName, "the recipient's name")
        }
        return reasons
    }
}
