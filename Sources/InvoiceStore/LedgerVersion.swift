public import Foundation
import Crypto
import GRDB
import InvoiceCore

/// One version of a ledger entry. Version 1 is the posting; each correction appends the next
/// one and never changes an earlier one. The entry's current values are its latest version's.
public struct LedgerVersion: Sendable, Hashable, Codable {
    public var entryID: Int64
    public var version: Int
    /// When (Timestamp) and by whom (the worker, or the OS user of a correction).
    public var at: String
    public var by: String
    /// Why the values changed (nil for the posting).
    public var note: String?
    /// Whether the correction was saved over failed checks (`--force`).
    public var forced: Bool
    public var values: LedgerValues

    enum CodingKeys: String, CodingKey {
        case version, at, by, note, forced, values
        case entryID = "ledger_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(entryID), forKey: .entryID)
        try container.encode(version, forKey: .version)
        try container.encode(at, forKey: .at)
        try container.encode(by, forKey: .by)
        try container.encode(note, forKey: .note)
        try container.encode(forced, forKey: .forced)
        try container.encode(values, forKey: .values)
    }

    /// The columns of `ledger_version` holding the values, in `LedgerValues`' order.
    static let valueColumns = ["issuer_name", "registration_number", "invoice_number", "issue_date", "due_date",
                               "recipient_name", "total_amount", "tax_amount", "taxable_10", "tax_10", "taxable_8", "tax_8"]

    /// The SHA-256 over everything the row says; its event carries it, so `ledger verify` finds a
    /// row edited behind the tool's back. Absent values are told apart from empty ones.
    var rowHash: String {
        var input = HashInput()
        input.append(entryID)
        input.append(Int64(version))
        input.append(at)
        input.append(by)
        input.append(optional: note)
        input.append(forced ? "1" : "0")
        for name in CanonicalField.all { input.append(optional: values[name]) }
        return input.hex
    }

    /// Reads a row selected with `LedgerVersion.selection` (prefix `v.`) at column `offset`.
    init(row: Row, offset: Int = 0) {
        var values = LedgerValues(
            issuerName: row[offset + 6], registrationNumber: row[offset + 7], invoiceNumber: row[offset + 8],
            issueDate: row[offset + 9], dueDate: row[offset + 10], recipientName: row[offset + 11],
            totalAmount: row[offset + 12])
        values.taxAmount = row[offset + 13]
        values.taxable10 = row[offset + 14]
        values.tax10 = row[offset + 15]
        values.taxable8 = row[offset + 16]
        values.tax8 = row[offset + 17]
        self.init(entryID: row[offset], version: row[offset + 1], at: row[offset + 2], by: row[offset + 3],
                  note: row[offset + 4], forced: row[offset + 5], values: values)
    }

    init(entryID: Int64, version: Int, at: String, by: String, note: String?, forced: Bool, values: LedgerValues) {
        self.entryID = entryID
        self.version = version
        self.at = at
        self.by = by
        self.note = note
        self.forced = forced
        self.values = values
    }

    /// The 18 columns `init(row:offset:)` reads, for a table aliased `alias`.
    static func selection(_ alias: String) -> String {
        (["entry_id", "version", "at", "by", "note", "forced"] + valueColumns).map { "\(alias).\($0)" }
            .joined(separator: ", ")
    }

    /// Inserts this version as the entry's current one (the caller has retired the previous one).
    func insert(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO ledger_version (entry_id, version, at, by, note, forced, \(Self.valueColumns.joined(separator: ", ")),
                                        issuer_key, current)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            """, arguments: [entryID, version, at, by, note, forced, values.issuerName, values.registrationNumber,
                             values.invoiceNumber, values.issueDate, values.dueDate, values.recipientName,
                             values.totalAmount, values.taxAmount, values.taxable10, values.tax10, values.taxable8,
                             values.tax8, values.issuerName.map(LedgerValues.counterpartyKey)])
        if let name = values.issuerName {
            try db.execute(sql: "INSERT OR IGNORE INTO ledger_counterparty (key) VALUES (?)",
                           arguments: [LedgerValues.counterpartyKey(name)])
        }
    }
}
