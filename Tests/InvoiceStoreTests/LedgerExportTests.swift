import Foundation
import InvoiceStore
import Testing

/// The export layouts against golden files (Golden/, reviewed by hand; re-record with
/// RECORD_GOLDEN=1 after an intended change and review the diff).
@Suite("Ledger export")
struct LedgerExportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Two rates, one rate, a credit note, a formula-looking issuer and a voided entry.
    static func fixture() throws -> LedgerFixture {
        let ledger = try LedgerFixture()
        try ledger.post(issuer: "株式会社テスト商事", number: "T8011001087654", date: "2024-05-31", taxable10: 10_000,
                        taxable8: 5_000, invoice: "INV-001", due: "2024-06-30")
        try ledger.post(issuer: "髙橋①印刷株式会社", number: nil, date: "2024-06-03", taxable10: 3_000, invoice: "A-7")
        try ledger.post(issuer: "株式会社テスト商事", number: "T8011001087654", date: "2024-06-10", taxable10: -10_000,
                        invoice: "-RETURN-1")
        try ledger.post(issuer: "=HYPERLINK(\"http://x\")", number: nil, date: "2024-06-11", taxable8: 1_000, invoice: "@SUM(A1)")
        let voided = try ledger.post(issuer: "取消商店", number: nil, date: "2024-06-12", taxable10: 500)
        try ledger.store.voidLedgerEntry(voided, reason: "sent twice", actor: "clerk", now: LedgerFixture.epoch)
        return ledger
    }

    @Test(arguments: [
        ("ledger.csv", LedgerExportFormat.csv, LedgerExportEncoding.utf8),
        ("ledger-sjis.csv", .csv, .shiftJIS),
        ("ledger.json", .json, .utf8),
        ("yayoi.csv", .yayoi, .utf8),
        ("yayoi-sjis.csv", .yayoi, .shiftJIS),
    ])
    func matchesTheGoldenFile(name: String, format: LedgerExportFormat, encoding: LedgerExportEncoding) throws {
        let ledger = try Self.fixture()
        let data = try LedgerExporter(format: format, encoding: encoding).export(try ledger.store.searchLedger(LedgerQuery()))
        let file = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil { try data.write(to: file) }
        let expected = try Data(contentsOf: file)
        #expect(data == expected, "\(name) differs from its golden file; if the change is intended, re-record with RECORD_GOLDEN=1")
    }

    @Test func utf8CSVStartsWithABOMAndShiftJISHasNone() throws {
        let ledger = try Self.fixture()
        let entries = try ledger.store.searchLedger(LedgerQuery())
        let utf8 = try LedgerExporter(format: .csv).export(entries)
        #expect(Array(utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let sjis = try LedgerExporter(format: .csv, encoding: .shiftJIS).export(entries)
        #expect(sjis.first == UInt8(ascii: "\""))
        // 髙 and ① exist only in CP932's extensions: 0xFB 0xFC and 0x87 0x40.
        let bytes = Array(sjis)
        #expect(bytes.indices.contains { bytes[$0] == 0xFB && bytes[$0 + 1] == 0xFC })
        #expect(bytes.indices.contains { bytes[$0] == 0x87 && bytes[$0 + 1] == 0x40 })
        // Decoding it back gives the UTF-8 export's text.
        let viaIconv = try Self.iconvDecode(sjis)
        let decoded = try #require(viaIconv)
        #expect(decoded == String(decoding: utf8.dropFirst(3), as: UTF8.self))
    }

    static func iconvDecode(_ data: Data) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "CP932", "-t", "UTF-8"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        input.fileHandleForWriting.closeFile()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(data: text, encoding: .utf8)
    }

    @Test func cellsThatLookLikeFormulasAreEscapedButAmountsStayNumbers() throws {
        let ledger = try Self.fixture()
        let entries = try ledger.store.searchLedger(LedgerQuery())
        for format in [LedgerExportFormat.csv, .yayoi] {
            let text = String(decoding: try LedgerExporter(format: format).export(entries), as: UTF8.self)
            let cells = text.split(whereSeparator: \.isNewline).flatMap { Self.cells(String($0)) }
            for cell in cells where cell.quoted {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.text.first.map(String.init) ?? ""), "\(format): \(cell.text)")
            }
            #expect(cells.contains { $0.quoted && $0.text.hasPrefix("'=HYPERLINK") })
            if format == .csv {
                #expect(cells.contains { $0.quoted && $0.text.hasPrefix("'@SUM") })
                // The credit note's amounts are bare negative numbers, not text.
                #expect(cells.contains { !$0.quoted && $0.text == "-11000" })
                #expect(cells.contains { $0.quoted && $0.text == "'-RETURN-1" })
            } else {
                // 弥生 takes no negative amounts: the credit note swaps the sides instead.
                #expect(!cells.contains { !$0.quoted && $0.text.hasPrefix("-") })
                #expect(text.contains("課対仕返内10%"))
            }
        }
    }

    @Test func aCharacterShiftJISCannotHoldNamesTheEntry() throws {
        let ledger = try LedgerFixture()
        try ledger.post(issuer: "株式会社テスト", number: nil, date: "2024-05-31", taxable10: 1_000)
        let id = try ledger.post(issuer: "𠮷野家商店", number: nil, date: "2024-05-31", taxable10: 1_000)
        do {
            _ = try LedgerExporter(format: .yayoi, encoding: .shiftJIS).export(try ledger.store.searchLedger(LedgerQuery()))
            Issue.record("exported a character Shift_JIS cannot hold")
        } catch let error as LedgerExportError {
            #expect(error.description.contains("entry \(id)"))
            #expect(error.description.contains("issuer_name"))
            #expect(error.description.contains("U+20BB7"))
        }
        #expect(try LedgerExporter(format: .yayoi).export(try ledger.store.searchLedger(LedgerQuery())).isEmpty == false)
    }

    @Test func yayoiHasOneLinePerRateWith25ColumnsAndBalancedAmounts() throws {
        let ledger = try Self.fixture()
        let entries = try ledger.store.searchLedger(LedgerQuery())
        let text = String(decoding: try LedgerExporter(format: .yayoi, debitAccount: "消耗品費").export(entries), as: UTF8.self)
        let lines = text.split(separator: "\r\n").map { Self.cells(String($0)).map(\.text) }
        #expect(lines.allSatisfy { $0.count == 25 })
        for entry in entries {
            let mine = lines.filter { $0[1] == String(entry.id) }
            let flags = mine.map(\.[0])
            #expect(flags == (mine.count == 1 ? ["2000"] : ["2110"] + Array(repeating: "2100", count: mine.count - 2) + ["2101"]))
            // Debit and credit amounts agree on every line, and the lines add up to the total.
            #expect(mine.allSatisfy { $0[8] == $0[14] })
            let signed = mine.reduce(0) { sum, line in sum + (line[4] == "消耗品費" ? 1 : -1) * Int(line[8])! }
            #expect(signed == entry.values.totalAmount)
        }
        #expect(!lines.contains { $0[16].contains("取消商店") })
    }

    /// A CSV line's cells and whether each was quoted (enough for these files: no newlines in cells).
    static func cells(_ line: String) -> [(text: String, quoted: Bool)] {
        var cells: [(String, Bool)] = []
        var current = "", quoted = false, inQuotes = false
        var characters = Array(line.hasPrefix("\u{FEFF}") ? String(line.dropFirst()) : line)[...]
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" { current.append("\""); characters.removeFirst() } else { inQuotes = false }
                } else { current.append(character) }
            } else if character == "\"" { inQuotes = true; quoted = true
            } else if character == "," { cells.append((current, quoted)); current = ""; quoted = false
            } else { current.append(character) }
        }
        cells.append((current, quoted))
        return cells
    }
}
