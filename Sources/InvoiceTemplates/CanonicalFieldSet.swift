import InvoiceCore

/// The canonical fields a template may name, read from the core so both stay in step.
enum CanonicalFieldSet {
    static let all: [String] = CanonicalField.all
    static let known: Set<String> = Set(CanonicalField.all)
    static let amounts: Set<String> = CanonicalField.amounts
    static let dates: Set<String> = CanonicalField.dates
}
