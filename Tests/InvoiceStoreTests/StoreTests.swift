import Foundation
import GRDB
import InvoiceCore
import InvoiceStore
import Testing

@Suite("Store")
struct StoreTests {
    final class TemporaryHome {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("iw-store-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    static func fields(number: String? = "INV-1", total: Int = 1100) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [
            CanonicalField.issuerName: FieldValue("株式会社テスト"),
            CanonicalField.registrationNumber: FieldValue("T8011001087654"),
            CanonicalField.issueDate: FieldValue("2024-05-31"),
            CanonicalField.totalAmount: FieldValue(String(total), page: 1, box: BoundingBox(x: 1, y: 2, width: 3, height: 4)),
            CanonicalField.taxable10: FieldValue("1000"), CanonicalField.tax10: FieldValue("100"),
        ]
        if let number { fields[CanonicalField.invoiceNumber] = FieldValue(number) }
        return fields
    }

    static func submission(claim: String = UUID().uuidString, sha: String, outcome: Outcome = .ledger,
                           fields: [String: FieldValue] = fields()) -> DocumentSubmission {
        DocumentSubmission(claimID: claim, sourceFile: "\(claim).pdf", sha256: sha, size: 10, receivedAt: Date(),
                           outcome: outcome, fields: fields, worker: "test")
    }

    static func sha(_ n: Int) -> String { String(format: "%064x", n) }

    @Test func recordingIsIdempotentPerClaimAndPostsOnce() throws {
        let home = TemporaryHome()
        let store = try Store(home: home.url)
        let first = try store.record(Self.submission(claim: "c1", sha: Self.sha(1)), actor: "test")
        let again = try store.record(Self.submission(claim: "c1", sha: Self.sha(1)), actor: "test")
        #expect(first.id == again.id)
        #expect(first.outcome == .ledger)
        #expect(first.ledgerID != nil)
        #expect(first.fields[CanonicalField.totalAmount]?.box == BoundingBox(x: 1, y: 2, width: 3, height: 4))
        #expect(try store.ledgerDocuments().count == 1)
        #expect(try store.documents().count == 1)
    }

    @Test func sameContentIsADuplicateAndSameInvoiceGoesToReview() throws {
        let home = TemporaryHome()
        let store = try Store(home: home.url)
        let original = try store.record(Self.submission(sha: Self.sha(1)), actor: "test")
        let copy = try store.record(Self.submission(sha: Self.sha(1)), actor: "test")
        #expect(copy.outcome == .duplicate)
        #expect(copy.duplicateOf == original.id)
        #expect(copy.ledgerID == nil && copy.reviewID == nil)
        // Same issuer and number, other bytes: held for review, never a second ledger row.
        let resent = try store.record(Self.submission(sha: Self.sha(2)), actor: "test")
        #expect(resent.outcome == .review)
        #expect(resent.reasons.map(\.code) == [.duplicateInvoice])
        // No number: the same issuer, date and total count as the same invoice.
        let unnumbered = try store.record(Self.submission(sha: Self.sha(3), fields: Self.fields(number: nil, total: 5500)), actor: "test")
        #expect(unnumbered.outcome == .ledger)
        let unnumberedAgain = try store.record(Self.submission(sha: Self.sha(4), fields: Self.fields(number: nil, total: 5500)),
                                               actor: "test")
        #expect(unnumberedAgain.outcome == .review)
        #expect(try store.ledgerDocuments().count == 2)
        #expect(try store.openReviews(reason: "duplicate_invoice").count == 2)
        #expect(try store.openReviews(reason: "tax_mismatch").isEmpty)
    }

    @Test func theEventLogIsAChainAndAppendOnly() throws {
        let home = TemporaryHome()
        let store = try Store(home: home.url)
        for n in 1...3 { _ = try store.record(Self.submission(sha: Self.sha(n), fields: Self.fields(number: "N\(n)")), actor: "test") }
        let rows = try store.database.read { try Row.fetchAll($0, sql: "SELECT * FROM event ORDER BY seq") }
        #expect(rows.count == 6)  // received + posted, three times
        var previous = String(repeating: "0", count: 64)
        for row in rows {
            #expect(row["previous_hash"] == previous)
            previous = row["hash"]
        }
        #expect(throws: DatabaseError.self) {
            try store.database.write { try $0.execute(sql: "UPDATE event SET actor = 'someone' WHERE seq = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try store.database.write { try $0.execute(sql: "DELETE FROM event WHERE seq = 1") }
        }
    }

    @Test func theArchiveKeepsReadOnlyOriginalsUnderTheirHash() throws {
        let home = TemporaryHome()
        let store = try Store(home: home.url)
        let file = home.url.appendingPathComponent("in.pdf")
        let content = Data((0..<3_000_000).map { UInt8($0 % 251) })
        try content.write(to: file)
        let (sha, size) = try store.archive.store(fileAt: file)
        #expect(size == content.count)
        let archived = store.archive.url(for: sha)
        #expect(archived.path.hasSuffix("archive/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha)"))
        #expect(try Data(contentsOf: archived) == content)
        let permissions = try FileManager.default.attributesOfItem(atPath: archived.path)[.posixPermissions] as? Int
        #expect(permissions == 0o444)
        #expect(store.archive.verify(sha))
        // Storing the same content again changes nothing.
        #expect(try store.archive.store(fileAt: file).sha256 == sha)
    }
}
