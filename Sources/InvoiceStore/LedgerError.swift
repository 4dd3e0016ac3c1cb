public import InvoiceCore

/// Why a ledger command was refused. `description` says what to do next and names no amounts or
/// names (safe to log); `reasons` lists the failed checks of a refused correction.
public struct LedgerError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable { case notFound, voided, checksFailed, invalidValue, unknownField, unchanged, missingText }

    private let kind: Kind
    public let description: String
    /// The checks a refused correction failed (`--force` with a note saves it anyway).
    public let reasons: [Reason]

    private init(_ kind: Kind, _ description: String, reasons: [Reason] = []) {
        self.kind = kind
        self.description = description
        self.reasons = reasons
    }

    public var isCheckFailure: Bool { kind == .checksFailed }

    static func notFound(_ id: Int64) -> LedgerError {
        LedgerError(.notFound, "There is no ledger entry \(id); `invoice-worker ledger search` lists the entries and their ids.")
    }

    static func voided(_ id: Int64) -> LedgerError {
        LedgerError(.voided, "Ledger entry \(id) is voided; it cannot be corrected or voided again. Post a new entry instead.")
    }

    static func checksFailed(_ reasons: [Reason]) -> LedgerError {
        LedgerError(.checksFailed, "The corrected values fail the checks (\(reasons.map(\.description).joined(separator: ", "))). Fix the values, or pass --force with a --note saying why they are right.", reasons: reasons)
    }

    static func invalidValue(_ field: String, _ error: NormalizationError) -> LedgerError {
        LedgerError(.invalidValue, "The value for \(field) cannot be read (\(error.message)) Type it as printed on the invoice, e.g. 2024-05-31, 令和6年5月31日, 1,100 or T1234567890123.")
    }

    static func invalidValue(_ field: String, _ message: String) -> LedgerError {
        LedgerError(.invalidValue, "The value for \(field) \(message)")
    }

    static func unknownField(_ field: String) -> LedgerError {
        LedgerError(.unknownField, "There is no field \(field); use one of \(CanonicalField.all.joined(separator: ", ")) as FIELD=VALUE.")
    }

    static let unchanged = LedgerError(.unchanged, "The values given are the entry's current values; nothing to correct.")

    static func missingText(_ what: String) -> LedgerError {
        LedgerError(.missingText, "A \(what) is required: say in a few words why, for the record.")
    }
}
