import Foundation
import InvoiceCore
import InvoiceRegistry
import Testing

@Suite("Bad input: a clear error with file and line, and the previous registry untouched")
struct RegistryErrorTests {
    typealias F = RegistryFixture
    let corp = F.number(12_050_002)
    let other = F.number(98_765_432)

    /// A registry holding `corp` under 株式会社元気.
    private func seeded() throws -> F {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp, name: "株式会社元気")])])
        return f
    }

    private func expectUnchanged(_ f: F) throws {
        let registry = try f.registry()
        #expect(try registry.lookup(corp, on: F.date("2024-06-01")).name == "株式会社元気")
        #expect(try !registry.lookup(other, on: F.date("2024-06-01")).found)
        #expect(try registry.status().rows == 1)
        #expect(!FileManager.default.fileExists(atPath: f.databasePath + ".new"))
    }

    private func importError(_ f: F, _ files: [String], replace: Bool) -> RegistryError? {
        do {
            try f.importFiles(files, replace: replace)
            return nil
        } catch let error as RegistryError {
            return error
        } catch {
            Issue.record("not a RegistryError: \(error)")
            return nil
        }
    }

    @Test(arguments: [false, true])
    func wrongColumnCountNamesFileAndLine(replace: Bool) throws {
        let f = try seeded()
        var bad = F.row(other)
        bad.removeLast(5)  // drop the last column: `,""`
        let path = try f.write("bad.csv", [F.row(other), F.row(F.number(5)), bad, F.row(F.number(6))])
        let error = try #require(importError(f, [path], replace: replace))
        #expect(error.file == path && error.line == 3)
        #expect(error.description.hasPrefix("\(path):3: 23 columns, expected 24."))
        #expect(error.description.contains("registry is unchanged"))
        try expectUnchanged(f)
    }

    /// A first line that is not 24 columns is not taken for a header: a file of the wrong kind
    /// (here one line of text) is refused, never imported as "a day without changes".
    @Test(arguments: [false, true])
    func wrongKindOfFileIsNotAHeader(replace: Bool) throws {
        let f = try seeded()
        let path = try f.write("notes.csv", ["registration numbers to check"])
        let error = try #require(importError(f, [path], replace: replace))
        #expect(error.line == 1)
        try expectUnchanged(f)
    }

    @Test(arguments: [false, true])
    func malformedDateNamesColumn(replace: Bool) throws {
        let f = try seeded()
        let path = try f.write("bad.csv", [F.row(other), F.row(F.number(5), registered: "2023-02-30")])
        let error = try #require(importError(f, [path], replace: replace))
        #expect(error.line == 2)
        #expect(error.problem == "column 8 (registrationDate) is not a YYYY-MM-DD date")
        #expect(!error.description.contains("2023-02-30"))  // safe to log: no values
        #expect(error.detailedDescription.contains("2023-02-30"))
        try expectUnchanged(f)
    }

    @Test func badCheckDigitIsABadRow() throws {
        let f = try seeded()
        let path = try f.write("bad.csv", [F.row("T7000012050003")])
        let error = try #require(importError(f, [path], replace: false))
        #expect(error.problem.contains("check digit"))
        try expectUnchanged(f)
    }

    @Test(arguments: [false, true])
    func shiftJISFileIsRefused(replace: Bool) throws {
        let f = try seeded()
        // "株式会社" in Shift_JIS.
        let sjisName: [UInt8] = [0x8A, 0x94, 0x8E, 0xAE, 0x89, 0xEF, 0x8E, 0xD0]
        var bytes = Array((F.row(other) + "\n").utf8)
        let rowText = Array(F.row(F.number(7), name: "X").utf8)
        let at = rowText.firstIndex(of: UInt8(ascii: "X"))!
        bytes += rowText[..<at] + sjisName + rowText[(at + 1)...] + [0x0A]
        let path = try f.writeBytes("sjis.csv", bytes)
        let error = try #require(importError(f, [path], replace: replace))
        #expect(error.line == 2)
        #expect(error.problem.hasPrefix("the file is not UTF-8 (it looks like Shift_JIS)"))
        #expect(error.codeName == "not_utf8")
        try expectUnchanged(f)
    }

    @Test(arguments: [false, true])
    func unreadableZIPIsRefused(replace: Bool) throws {
        let f = try seeded()
        let good = try f.zip("good.zip", [try f.write("a.csv", [F.row(other)])])
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: good)))
        bytes.removeLast(30)  // truncated download
        let path = try f.writeBytes("truncated.zip", bytes)
        let error = try #require(importError(f, [good, path], replace: replace))
        #expect(error.codeName == "bad_zip")
        #expect(error.file == path)
        try expectUnchanged(f)
    }

    @Test func aFailureInALaterFileUndoesTheEarlierFiles() throws {
        let f = try seeded()
        let first = try f.write("d1.csv", [F.row(other)])
        let second = try f.write("d2.csv", [F.row(F.number(5), latest: "7")])
        let error = try #require(importError(f, [first, second], replace: false))
        #expect(error.file == second && error.line == 1)
        try expectUnchanged(f)
    }

    @Test func emptyDiffIsAcceptedButNotAnEmptyNewRegistry() throws {
        let f = try seeded()
        let empty = try f.writeBytes("diff_empty.csv", [])
        let summary = try f.importFiles([empty])
        #expect(summary.mode == .apply && summary.rows == 0)
        try expectUnchanged(f)
        let error = try #require(importError(f, [empty], replace: true))
        #expect(error.codeName == "empty_input")
        try expectUnchanged(f)
    }

    @Test func missingFileIsRefused() throws {
        let f = try seeded()
        let error = try #require(importError(f, [f.folder.appendingPathComponent("nope.csv").path], replace: true))
        #expect(error.codeName == "file_unreadable")
        try expectUnchanged(f)
    }

    @Test func skipBadRowsCountsAndListsThem() throws {
        let f = try seeded()
        let path = try f.write("diff.csv", [F.row(other), F.row(F.number(5), kind: "3"), "\"only\",\"two\""])
        let summary = try f.importFiles([path], skipBadRows: true)
        #expect(summary.rows == 1 && summary.skipped == 2)
        #expect(summary.files[0].skippedRows == [
            "\(path):2: column 5 (kind) is not 1 (個人) or 2 (法人)",
            "\(path):3: 2 columns, expected 24",
        ])
        let status = try f.registry().status()
        #expect(status.skipped == 2 && status.skippedRows.count == 2)
        #expect(try f.registry().lookup(other, on: F.date("2024-06-01")).registered)
    }

    @Test func noRegistryYetSaysToImport() throws {
        let f = try F()
        #expect {
            try f.registry()
        } throws: { error in
            (error as? RegistryError)?.codeName == "no_registry"
        }
    }
}
