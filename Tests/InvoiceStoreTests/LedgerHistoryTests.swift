import Foundation
import GRDB
import InvoiceCore
import InvoiceStore
import Testing

@Suite("Ledger corrections and voids")
struct LedgerHistoryTests {
    @Test func aCorrectionAppendsAVersionAndKeepsTheEarlierOne() throws {
        let ledger = try LedgerFixture()
        let id = try ledger.post(issuer: "株式会社テスト", number: nil, date: "2024-05-31", taxable10: 1_000)
        let version = try ledger.store.correctLedgerEntry(id, set: ["issue_date": "R6.6.1", "invoice_number": " Ｎ-１ "],
                                                          note: "re-read", actor: "clerk")
        #expect(version.version == 2)
        #expect(version.values.issueDate == "2024-06-01")
        #expect(version.values.invoiceNumber == "N-1")
        let history = try ledger.store.ledgerHistory(id: id)
        #expect(history.versions.map(\.version) == [1, 2])
        #expect(history.versions[0].values == ledger.posted[0].values)
        #expect(history.versions[1].by == "clerk" && history.versions[1].note == "re-read")
        #expect(history.entry.values == version.values)
        #expect(FileManager.default.fileExists(atPath: history.archivePath))
        // The event carries the values before and after, and who made the change.
        let event = try ledger.store.database.read {
            try Row.fetchOne($0, sql: "SELECT actor, payload FROM event WHERE kind = 'ledger.corrected'")
        }
        let payload = try JSONDecoder().decode([String: String?].self, from: Data((event?["payload"] as String? ?? "").utf8))
        #expect(event?["actor"] == "clerk")
        #expect(payload["before.issue_date"] == "2024-05-31")
        #expect(payload["issue_date"] == "2024-06-01")
    }

    @Test func valuesAreCheckedAndRefusedUnlessForced() throws {
        let ledger = try LedgerFixture()
        let id = try ledger.post(issuer: "株式会社テスト", number: nil, date: "2024-05-31", taxable10: 1_000)
        // Unreadable values are never saved.
        #expect(throws: LedgerError.self) { try ledger.store.correctLedgerEntry(id, set: ["issue_date": "2月30日"], note: "x") }
        #expect(throws: LedgerError.self) { try ledger.store.correctLedgerEntry(id, set: ["total_amount": "1.5"], note: "x") }
        #expect(throws: LedgerError.self) { try ledger.store.correctLedgerEntry(id, set: ["colour": "red"], note: "x") }
        #expect(throws: LedgerError.self) { try ledger.store.correctLedgerEntry(id, set: ["tax_10": "100"], note: " ") }
        // A tax that is not 10 % of its amount fails the arithmetic.
        do {
            try ledger.store.correctLedgerEntry(id, set: ["tax_10": "150"], note: "printed so")
            Issue.record("a failing correction was saved")
        } catch let error as LedgerError {
            #expect(error.isCheckFailure)
            #expect(error.reasons.contains { $0.code == .taxMismatch && $0.field == CanonicalField.tax10 })
        }
        // A registration number with a wrong check digit fails too.
        let good = RegistrationNumber(body: "011001087654")!
        let bad = "T" + String((Int(String(good.digits.first!))! + 1) % 10) + good.digits.dropFirst()
        #expect(throws: LedgerError.self) { try ledger.store.correctLedgerEntry(id, set: ["registration_number": bad], note: "x") }
        let typed = try ledger.store.correctLedgerEntry(id, set: ["registration_number": String(good.digits)], note: "added")
        #expect(typed.values.registrationNumber == good.formatted)
        #expect(try ledger.store.ledgerHistory(id: id).versions.count == 2)
        let forced = try ledger.store.correctLedgerEntry(id, set: ["tax_10": "150"], note: "printed so", force: true)
        #expect(forced.forced && forced.version == 3)
        #expect(try ledger.store.verify().isClean)
    }

    @Test func voidKeepsTheEntryAndThereIsNoDeletion() throws {
        let ledger = try LedgerFixture()
        let id = try ledger.post(issuer: "株式会社テスト", number: nil, date: "2024-05-31", taxable10: 1_000)
        #expect(throws: LedgerError.self) { try ledger.store.voidLedgerEntry(id, reason: "  ") }
        let void = try ledger.store.voidLedgerEntry(id, reason: "cancelled by the supplier", actor: "clerk")
        #expect(void.by == "clerk")
        #expect(throws: LedgerError.self) { try ledger.store.voidLedgerEntry(id, reason: "again") }
        #expect(throws: LedgerError.self) { try ledger.store.correctLedgerEntry(id, set: ["tax_10": "100"], note: "x") }
        #expect(try ledger.store.ledgerHistory(id: id).entry.void?.reason == "cancelled by the supplier")
        // The database itself refuses to delete or rewrite ledger rows.
        for sql in ["DELETE FROM ledger_entry", "DELETE FROM ledger_version", "DELETE FROM ledger_void",
                    "UPDATE ledger_version SET total_amount = 1", "UPDATE ledger_entry SET total_amount = 1",
                    "UPDATE ledger_void SET reason = 'x'", "UPDATE ledger_version SET current = 1"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try ledger.store.database.write { try $0.execute(sql: sql) } }
        }
        #expect(try ledger.store.verify().isClean)
    }

    @Test func theOperatingSystemUserIsTheDefaultActor() throws {
        let ledger = try LedgerFixture()
        let id = try ledger.post(issuer: "株式会社テスト", number: nil, date: "2024-05-31", taxable10: 1_000)
        let version = try ledger.store.correctLedgerEntry(id, set: ["due_date": "2024-06-30"], note: "due date added")
        #expect(version.by == SystemUser.name)
        #expect(version.by == ProcessInfo.processInfo.environment["USER"] ?? version.by)
    }
}
