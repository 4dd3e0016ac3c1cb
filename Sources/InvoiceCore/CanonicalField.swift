/// The canonical field names of SPEC.md, the keys of a document's `fields` object.
public enum CanonicalField {
    public static let issuerName = "issuer_name"
    public static let registrationNumber = "registration_number"
    public static let invoiceNumber = "invoice_number"
    public static let issueDate = "issue_date"
    public static let dueDate = "due_date"
    public static let recipientName = "recipient_name"
    public static let totalAmount = "total_amount"
    public static let taxAmount = "tax_amount"
    public static let taxable10 = "taxable_10"
    public static let tax10 = "tax_10"
    public static let taxable8 = "taxable_8"
    public static let tax8 = "tax_8"
    /// Not in SPEC.md's table: what was supplied (取引内容, 品名/摘要), a required item of a
    /// qualified invoice. Present as a field, or implied by line items.
    public static let contents = "contents"

    /// SPEC.md's fields in its order.
    public static let all = [issuerName, registrationNumber, invoiceNumber, issueDate, dueDate, recipientName,
                             totalAmount, taxAmount, taxable10, tax10, taxable8, tax8]
    /// Fields whose value is integer yen.
    public static let amounts: Set<String> = [totalAmount, taxAmount, taxable10, tax10, taxable8, tax8]
    /// Fields whose value is a `YYYY-MM-DD` date.
    public static let dates: Set<String> = [issueDate, dueDate]
}
