public import Foundation
public import InvoiceCore

/// What the pipeline found out about one claimed file, to be recorded in one transaction.
public struct DocumentSubmission: Sendable {
    /// The claim's identifier; a second submission with the same claim is not recorded again.
    public var claimID: String
    /// The file's path relative to the inbox, as the sender named it.
    public var sourceFile: String
    public var sha256: String
    public var size: Int
    public var receivedAt: Date
    /// `ledger`, `review` or `rejected`; the store decides `duplicate` itself (byte-identical
    /// content already recorded), and may turn `ledger` into `review` (`duplicate_invoice`).
    public var outcome: Outcome
    public var reasons: [Reason]
    public var template: String?
    public var pages: Int
    public var fields: [String: FieldValue]
    /// The extraction's details (candidates, locators, scores) as JSON, for the review CLI.
    public var extraction: Data?
    /// The worker that processed it (its work-folder name).
    public var worker: String

    public init(claimID: String, sourceFile: String, sha256: String, size: Int, receivedAt: Date, outcome: Outcome,
                reasons: [Reason] = [], template: String? = nil, pages: Int = 0, fields: [String: FieldValue] = [:],
                extraction: Data? = nil, worker: String) {
        self.claimID = claimID
        self.sourceFile = sourceFile
        self.sha256 = sha256
        self.size = size
        self.receivedAt = receivedAt
        self.outcome = outcome
        self.reasons = reasons
        self.template = template
        self.pages = pages
        self.fields = fields
        self.extraction = extraction
        self.worker = worker
    }

    /// The key duplicates of an invoice share: the registration number, else the normalised
    /// issuer name (see `RoutingInput.checkDuplicates`).
    public var issuerKey: String? {
        if let number = fields[CanonicalField.registrationNumber]?.value, !number.isEmpty { return number }
        if let name = fields[CanonicalField.issuerName]?.value, !name.isEmpty { return CompanyName(name).normalized }
        return nil
    }

    /// What makes two documents the same invoice: the issuer and the invoice number; without a
    /// number, the issuer, the issue date and the total (an invoice sent twice without a number
    /// must not be posted twice either). Nil when there is too little to compare.
    public var invoiceKey: String? {
        guard let issuer = issuerKey else { return nil }
        if let number = invoiceNumber { return Self.invoiceKey(issuer: issuer, invoiceNumber: number) }
        guard let date = fields[CanonicalField.issueDate]?.dateValue, let total = fields[CanonicalField.totalAmount]?.intValue else {
            return nil
        }
        return "\(issuer)|dated|\(date.iso)|\(total)"
    }

    public static func invoiceKey(issuer: String, invoiceNumber: String) -> String { "\(issuer)|number|\(invoiceNumber)" }

    public var invoiceNumber: String? {
        fields[CanonicalField.invoiceNumber]?.value.flatMap { $0.isEmpty ? nil : $0 }
    }
}
