import Foundation
import InvoiceStore
import Testing

/// Tampering done behind the tool's back, with the sqlite3 command and the file system, each
/// found by `verify` with where it is.
@Suite("Ledger verify")
struct LedgerVerifyTests {
    static func fixture() throws -> LedgerFixture {
        let ledger = try LedgerFixture()
        for (index, issuer) in ["株式会社テスト", "山田電機株式会社", "合同会社ABC", "有限会社サンプル"].enumerated() {
            try ledger.post(issuer: issuer, number: nil, date: "2024-0\(index + 1)-10", taxable10: 1_000 * (index + 1))
        }
        try ledger.store.correctLedgerEntry(2, set: ["invoice_number": "X-2"], note: "typo", actor: "clerk")
        try ledger.store.voidLedgerEntry(3, reason: "duplicate", actor: "clerk")
        return ledger
    }

    @Test func aCleanLedgerHasNoFindings() throws {
        let ledger = try Self.fixture()
        let report = try ledger.store.verify()
        #expect(report.isClean, "\(report.findings)")
        #expect(report.events == 4 * 2 + 2)
        #expect(report.ledgerVersions == 5)
        #expect(report.voids == 1)
        #expect(report.archivedFiles == 4)
    }

    @Test func aLedgerRowEditedWithSqlite3IsFound() throws {
        let ledger = try Self.fixture()
        try ledger.sqlite3("DROP TRIGGER ledger_version_values_fixed; UPDATE ledger_version SET total_amount = 99 WHERE entry_id = 1")
        let findings = try ledger.store.verify().findings
        #expect(findings.contains { $0.code == "ledger_row_changed" && $0.ledgerID == 1 && $0.seq != nil })
        #expect(findings.allSatisfy { $0.ledgerID == 1 })
    }

    @Test func thePostedRowEditedWithSqlite3IsFound() throws {
        let ledger = try Self.fixture()
        try ledger.sqlite3("DROP TRIGGER ledger_entry_no_update; UPDATE ledger_entry SET issuer_name = 'someone else' WHERE id = 4")
        #expect(try ledger.store.verify().findings.map(\.code) == ["ledger_row_changed"])
    }

    @Test func anAbsentValueMadeEmptyIsFound() throws {
        // Version 1 of entry 1 has no note and no due date: '' is not the same as absent.
        for column in ["note", "due_date"] {
            let ledger = try Self.fixture()
            try ledger.sqlite3("DROP TRIGGER ledger_version_values_fixed; UPDATE ledger_version SET \(column) = '' WHERE entry_id = 1")
            // (the posting row keeps version 1's values: it now differs from version 1 too)
            let findings = try ledger.store.verify().findings
            #expect(findings.contains { $0.code == "ledger_row_changed" && $0.ledgerID == 1 && $0.seq != nil }, "\(column)")
            #expect(findings.allSatisfy { $0.code == "ledger_row_changed" && $0.ledgerID == 1 }, "\(column)")
        }
    }

    @Test func theCurrentVersionMovedBackIsFound() throws {
        let ledger = try Self.fixture()
        // Entry 2 was corrected: version 2 is current. Mark version 1 current instead.
        try ledger.sqlite3("""
            DROP TRIGGER ledger_version_only_retired;
            UPDATE ledger_version SET current = 0 WHERE entry_id = 2 AND version = 2;
            UPDATE ledger_version SET current = 1 WHERE entry_id = 2 AND version = 1;
            """)
        #expect(try ledger.store.verify().findings.map { "\($0.code) \($0.ledgerID ?? 0)" } == ["ledger_current_wrong 2"])
    }

    @Test func eventAndRowHashesAreSHA256OfTheDocumentedFieldsBySha256sum() throws {
        // The chain's format, checked with tools outside ours: an event's hash is the SHA-256 of
        // previous_hash, seq, at, actor, kind, document_id ('' when none) and payload joined by
        // U+001F; a version's row_hash covers entry_id, version, at, by, note, forced and the
        // twelve values, an absent one written as U+0018.
        let ledger = try Self.fixture()
        let separator = "\u{1F}", absent = "\u{18}"
        for seq in 1...10 {
            let row = try ledger.sqlite3Rows("""
                SELECT previous_hash, seq, at, actor, kind, coalesce(document_id, ''), payload, hash FROM event WHERE seq = \(seq)
                """)[0]
            #expect(try sha256sum(row.dropLast().joined(separator: separator)) == row.last, "event \(seq)")
        }
        let columns = "entry_id, version, at, by, note, forced, issuer_name, registration_number, invoice_number, issue_date, "
            + "due_date, recipient_name, total_amount, tax_amount, taxable_10, tax_10, taxable_8, tax_8"
        let selection = columns.split(separator: ", ").map { "coalesce(\($0), char(24))" }.joined(separator: ", ")
        let versions = try ledger.sqlite3Rows("SELECT \(selection) FROM ledger_version ORDER BY entry_id, version")
        let recorded = try ledger.sqlite3Rows("""
            SELECT json_extract(payload, '$.row_hash') FROM event WHERE kind IN ('ledger.posted', 'ledger.corrected')
            ORDER BY json_extract(payload, '$.ledger_id') + 0, json_extract(payload, '$.version') + 0
            """).map { $0[0] }
        #expect(versions.count == 5 && recorded.count == 5)
        #expect(versions.contains { $0.contains(absent) })
        #expect(try versions.map { try sha256sum($0.joined(separator: separator)) } == recorded)
    }

    private func sha256sum(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(digest.prefix(64))
    }

    @Test func aVoidDeletedWithSqlite3IsFound() throws {
        let ledger = try Self.fixture()
        try ledger.sqlite3("DROP TRIGGER ledger_void_no_delete; DELETE FROM ledger_void")
        let findings = try ledger.store.verify().findings
        #expect(findings.map(\.code) == ["ledger_row_missing"])
        #expect(findings.first?.ledgerID == 3)
    }

    @Test func aRemovedEventIsFoundWithItsSeq() throws {
        let ledger = try Self.fixture()
        try ledger.sqlite3("DROP TRIGGER event_no_delete; DELETE FROM event WHERE seq = 4")
        let findings = try ledger.store.verify().findings
        #expect(findings.contains { $0.code == "event_removed" && $0.seq == 5 })
        // Seq 4 posted entry 2: its version is now unrecorded.
        #expect(findings.contains { $0.code == "ledger_row_unrecorded" && $0.ledgerID == 2 })
    }

    @Test func theLastEventRemovedIsFound() throws {
        let ledger = try Self.fixture()
        try ledger.sqlite3("DROP TRIGGER event_no_delete; DELETE FROM event WHERE seq = (SELECT max(seq) FROM event)")
        #expect(try ledger.store.verify().findings.contains { $0.code == "events_truncated" && $0.seq == 10 })
    }

    @Test func anEditedEventIsFound() throws {
        let ledger = try Self.fixture()
        try ledger.sqlite3("DROP TRIGGER event_no_update; UPDATE event SET actor = 'nobody' WHERE seq = 3")
        #expect(try ledger.store.verify().findings.contains { $0.code == "event_changed" && $0.seq == 3 })
    }

    @Test func reorderedEventsAreFound() throws {
        let ledger = try Self.fixture()
        // Swap events 5 and 6 (seq is the order): move 5 aside, 6 to 5, then 5 to 6.
        try ledger.sqlite3("""
            DROP TRIGGER event_no_update;
            UPDATE event SET seq = 1000 WHERE seq = 5; UPDATE event SET seq = 5 WHERE seq = 6; UPDATE event SET seq = 6 WHERE seq = 1000;
            """)
        let findings = try ledger.store.verify().findings
        #expect(findings.contains { $0.code == "event_reordered" })
        #expect(findings.contains { $0.code == "event_changed" && $0.seq == 5 })
    }

    @Test func archivedOriginalsDeletedOrChangedAreFoundWithTheirPath() throws {
        let ledger = try Self.fixture()
        let history1 = try ledger.store.ledgerHistory(id: 1)
        let history2 = try ledger.store.ledgerHistory(id: 2)
        try FileManager.default.removeItem(atPath: history1.archivePath)
        chmod(history2.archivePath, 0o644)
        let handle = try #require(FileHandle(forWritingAtPath: history2.archivePath))
        handle.seekToEndOfFile()
        handle.write(Data(" changed".utf8))
        handle.closeFile()
        let findings = try ledger.store.verify().findings
        #expect(findings.contains { $0.code == "archive_missing" && $0.path == history1.archivePath })
        #expect(findings.contains { $0.code == "archive_altered" && $0.path == history2.archivePath })
        #expect(findings.count == 2)
        #expect(try ledger.store.verify(archive: false).isClean)
    }

    @Test(arguments: [1, 2, 3])
    func archiveHashesMatchSha256sum(threads: Int) throws {
        let ledger = try Self.fixture()
        let shas = try ledger.store.archivedHashes()
        let outcomes = ArchiveHasher(threads: threads).check(shas.map { ($0, ledger.store.archive.url(for: $0)) })
        #expect(outcomes == Array(repeating: .intact, count: shas.count))
        // Against an independent tool: sha256sum's digest of a 3 MB file.
        let file = ledger.url.appendingPathComponent("big.bin")
        try Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(try ArchiveHasher(threads: threads).hash(path: file.path).get() == String(text.prefix(64)))
    }
}
