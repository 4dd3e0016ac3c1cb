import Foundation
import InvoiceCore
import InvoiceStore

/// A temporary home with ledger entries posted through the Store API, each with a real archived
/// original, at fixed times so that exports are byte-for-byte reproducible.
final class LedgerFixture {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("iw-ledger-\(UUID().uuidString)")
    let store: Store
    /// What was posted, in posting order (entry ids 1, 2, 3 … in a fresh home).
    private(set) var posted: [(id: Int64, values: LedgerValues)] = []
    static let epoch = Date(timeIntervalSince1970: 1_717_200_000)  // 2024-06-01T00:00:00Z

    init() throws { store = try Store(home: url) }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Posts one entry; amounts per rate with their 10 % / 8 % tax, the total their sum.
    @discardableResult
    func post(issuer: String, number: String?, date: String, taxable10: Int = 0, taxable8: Int = 0,
              invoice: String? = nil, due: String? = nil) throws -> Int64 {
        let tax10 = taxable10 / 10, tax8 = taxable8 * 8 / 100
        var fields: [String: FieldValue] = [
            CanonicalField.issuerName: FieldValue(issuer),
            CanonicalField.invoiceNumber: FieldValue(invoice ?? "INV-\(posted.count + 1)"),
            CanonicalField.issueDate: FieldValue(date),
            CanonicalField.recipientName: FieldValue("株式会社受取"),
            CanonicalField.totalAmount: FieldValue(String(taxable10 + tax10 + taxable8 + tax8)),
            CanonicalField.taxAmount: FieldValue(String(tax10 + tax8)),
            CanonicalField.taxable10: FieldValue(String(taxable10)), CanonicalField.tax10: FieldValue(String(tax10)),
            CanonicalField.taxable8: FieldValue(String(taxable8)), CanonicalField.tax8: FieldValue(String(tax8)),
        ]
        if let number { fields[CanonicalField.registrationNumber] = FieldValue(number) }
        if let due { fields[CanonicalField.dueDate] = FieldValue(due) }
        let index = posted.count + 1
        let file = url.appendingPathComponent("original-\(index).pdf")
        try Data("%PDF-1.4 original \(index) \(issuer) \(date)".utf8).write(to: file)
        let (sha256, size) = try store.archive.store(fileAt: file)
        try FileManager.default.removeItem(at: file)
        let submission = DocumentSubmission(claimID: "claim-\(index)", sourceFile: "invoice-\(index).pdf", sha256: sha256,
                                            size: size, receivedAt: Self.epoch, outcome: .ledger, fields: fields,
                                            worker: "test")
        let summary = try store.record(submission, actor: "worker-test", now: Self.epoch.addingTimeInterval(Double(index)))
        let id = try require(summary.ledgerID.flatMap { Int64($0) }, "ledger id")
        posted.append((id, try require(LedgerValues(fields: fields), "values")))
        return id
    }

    /// Runs SQL with the sqlite3 command, as someone editing the database behind the tool's back.
    func sqlite3(_ sql: String) throws {
        _ = try runSQLite3([sql])
    }

    /// Rows the sqlite3 command prints for a query, each a list of its columns as text (fields
    /// split at U+001E, rows at U+001D, so that any text survives).
    func sqlite3Rows(_ sql: String) throws -> [[String]] {
        try runSQLite3(["-separator", "\u{1E}", "-newline", "\u{1D}", sql])
            .split(separator: "\u{1D}", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The sqlite3 command on this home's database with `arguments` (options, then the SQL): its output.
    private func runSQLite3(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = arguments.dropLast() + [Store.databasePath(home: url)] + arguments.suffix(1)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return text
    }
}

/// `#require` outside a test function: a missing value fails the fixture.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw CocoaError(.coderValueNotFound, userInfo: [NSDebugDescriptionErrorKey: "missing \(what)"]) }
    return value
}
