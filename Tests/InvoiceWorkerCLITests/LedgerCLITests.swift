import Foundation
import InvoiceCore
import InvoiceStore
import Testing

/// `invoice-worker ledger …` as a clerk or a script runs it, on a home whose entries were posted
/// through the Store API (the worker's routing is not what these tests are about).
@Suite("invoice-worker ledger")
struct LedgerCLITests {
    final class Home {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iw-ledger-cli-\(UUID().uuidString.prefix(8))")
        let store: Store

        init() throws {
            store = try Store(home: root)
            for (index, (issuer, date, taxable)) in [("株式会社テスト商事", "2024-01-15", 10_000), ("山田電機株式会社", "2024-02-20", 50_000),
                                                     ("=cmd株式会社", "2024-03-31", 100_000)].enumerated() {
                let file = root.appendingPathComponent("in-\(index).pdf")
                try Data("%PDF original \(index)".utf8).write(to: file)
                let (sha, size) = try store.archive.store(fileAt: file)
                try FileManager.default.removeItem(at: file)
                let fields: [String: FieldValue] = [
                    CanonicalField.issuerName: FieldValue(issuer), CanonicalField.invoiceNumber: FieldValue("N-\(index)"),
                    CanonicalField.issueDate: FieldValue(date), CanonicalField.totalAmount: FieldValue(String(taxable * 11 / 10)),
                    CanonicalField.taxAmount: FieldValue(String(taxable / 10)), CanonicalField.taxable10: FieldValue(String(taxable)),
                    CanonicalField.tax10: FieldValue(String(taxable / 10)),
                ]
                _ = try store.record(DocumentSubmission(claimID: "c\(index)", sourceFile: "in-\(index).pdf", sha256: sha, size: size,
                                                        receivedAt: Date(), outcome: .ledger, fields: fields, worker: "test"),
                                     actor: "test")
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func run(_ arguments: [String], japanese: Bool = false) throws -> CLI.Result {
            try CLI.run(arguments + ["--home", root.path], environment: ["LANG": japanese ? "ja_JP.UTF-8" : "C.UTF-8"])
        }

        func json(_ arguments: [String]) throws -> Any {
            let result = try run(arguments + ["--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try JSONSerialization.jsonObject(with: result.stdout)
        }

        func sqlite3(_ sql: String) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [Store.databasePath(home: root), sql]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }

    @Test func searchGivesTheListShapeAndFilters() throws {
        let home = try Home()
        let listed = try #require(try home.json(["ledger", "list"]) as? [[String: Any]])
        let all = try #require(try home.json(["ledger", "search"]) as? [[String: Any]])
        #expect(all.count == listed.count && listed.count == 3)
        #expect(Set(all[0].keys) == Set(listed[0].keys))
        let yamada = try #require(try home.json(["ledger", "search", "--from", "令和6年2月1日", "--max-amount", "60,000",
                                                 "--counterparty", "山田"]) as? [[String: Any]])
        #expect(yamada.count == 1)
        #expect((yamada.first?["fields"] as? [String: Any]).flatMap { $0["issuer_name"] as? [String: Any] }?["value"] as? String
                == "山田電機株式会社")
        let bad = try home.run(["ledger", "search", "--from", "2024-13-01"])
        #expect(bad.status != 0 && bad.stderr.contains("--from"))
    }

    @Test func tableHasJapaneseHeadingsUnderAJapaneseLocale() throws {
        let home = try Home()
        let result = try home.run(["ledger", "search", "--counterparty", "テスト"], japanese: true)
        #expect(result.status == 0)
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.contains("発行者") == true)
        #expect(lines.count == 2)
    }

    @Test func exportWritesWhatTheExporterWrites() throws {
        let home = try Home()
        let file = home.root.appendingPathComponent("out.csv")
        let csv = try home.run(["ledger", "export", "--format", "csv", "--output", file.path])
        #expect(csv.status == 0, "\(csv.stderr)")
        let written = try Data(contentsOf: file)
        #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: written, as: UTF8.self).contains("\"'=cmd株式会社\""))
        let yayoi = try home.run(["ledger", "export", "--format", "yayoi", "--encoding", "shift_jis", "--to", "2024-02-28",
                                  "--debit-account", "消耗品費"])
        #expect(yayoi.status == 0, "\(yayoi.stderr)")
        let entries = try home.store.searchLedger(LedgerQuery(to: CivilDate(iso: "2024-02-28")))
        #expect(yayoi.stdout == (try LedgerExporter(format: .yayoi, encoding: .shiftJIS, debitAccount: "消耗品費").export(entries)))
        let wrong = try home.run(["ledger", "export", "--format", "xlsx"])
        #expect(wrong.status != 0 && wrong.stderr.contains("csv, json, yayoi"))
    }

    @Test func correctionsAreCheckedVersionedAndShown() throws {
        let home = try Home()
        let refused = try home.run(["ledger", "correct", "1", "--set", "tax_10=1500", "--note", "as printed"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("tax_mismatch"))
        #expect(refused.stderr.contains("--force"))
        let forced = try home.run(["ledger", "correct", "1", "--set", "tax_10=1500", "--set", "due_date=R6.2.29",
                                   "--note", "as printed", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let shown = try #require(try home.json(["ledger", "show", "1"]) as? [String: Any])
        let versions = try #require(shown["versions"] as? [[String: Any]])
        #expect(versions.count == 2)
        #expect(versions.last?["by"] as? String == SystemUser.name)
        #expect((versions.last?["values"] as? [String: Any])?["due_date"] as? String == "2024-02-29")
        #expect((versions.first?["values"] as? [String: Any])?["tax_10"] as? Int == 1_000)
        #expect((shown["archive_path"] as? String).map { FileManager.default.fileExists(atPath: $0) } == true)
        let text = try home.run(["ledger", "show", "1"], japanese: true)
        #expect(String(decoding: text.stdout, as: UTF8.self).contains("版 2（現在）"))
    }

    @Test func voidingTakesAnEntryOutOfSearchesButNotOutOfTheBooks() throws {
        let home = try Home()
        #expect(try home.run(["ledger", "void", "2", "--reason", "sent twice"]).status == 0)
        #expect(try home.run(["ledger", "void", "2", "--reason", "again"]).status == 1)
        #expect((try home.json(["ledger", "search"]) as? [Any])?.count == 2)
        #expect((try home.json(["ledger", "search", "--include-voided"]) as? [Any])?.count == 3)
        #expect((try home.json(["ledger", "show", "2"]) as? [String: Any])?["voided"] as? Bool == true)
        let help = try home.run(["ledger", "--help"])
        // No subcommand deletes or removes anything.
        let subcommands = String(decoding: help.stdout, as: UTF8.self).components(separatedBy: "SUBCOMMANDS:").last ?? ""
        let names = subcommands.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(!names.contains { ["delete", "remove", "rm", "purge", "drop"].contains($0.lowercased()) })
        #expect(names.contains("void"))
    }

    @Test func verifyIsQuietWhenCleanAndNamesEachTampering() throws {
        let home = try Home()
        let clean = try home.run(["ledger", "verify"])
        #expect(clean.status == 0)
        #expect(String(decoding: clean.stdout, as: UTF8.self).split(separator: "\n").count == 1)

        try home.sqlite3("DROP TRIGGER ledger_version_values_fixed; UPDATE ledger_version SET total_amount = 1 WHERE entry_id = 2")
        let edited = try home.run(["ledger", "verify"])
        #expect(edited.status == 1)
        #expect(String(decoding: edited.stdout, as: UTF8.self).contains("ledger_row_changed [event seq 4, ledger entry 2]"))

        let archived = home.store.archive.url(for: try home.store.archivedHashes()[0])
        try FileManager.default.removeItem(at: archived)
        try home.sqlite3("DROP TRIGGER event_no_delete; DELETE FROM event WHERE seq = 5")
        let report = try #require(try JSONSerialization.jsonObject(with: try home.run(["ledger", "verify", "--json"]).stdout) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(report["clean"] as? Bool == false)
        #expect(findings.contains { $0["code"] as? String == "archive_missing" && $0["path"] as? String == archived.path })
        #expect(findings.contains { $0["code"] as? String == "event_removed" && $0["seq"] as? Int == 6 })
        #expect(findings.contains { $0["code"] as? String == "ledger_row_changed" && $0["ledger_id"] as? String == "2" })
    }
}
