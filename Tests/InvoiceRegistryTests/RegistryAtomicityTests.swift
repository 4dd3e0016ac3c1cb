import Foundation
import InvoiceCore
@testable import InvoiceRegistry
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The registry file is replaced whole or not at all; readers notice a new file; leftovers of
/// an interrupted import do not matter. (Test files are written by `RegistryFixture`; there are
/// no fixture files.)
@Suite("Atomic imports and readers")
struct RegistryAtomicityTests {
    typealias F = RegistryFixture
    let corp = F.number(12_050_002)

    @Test(arguments: [true, false])
    func openRegistrySeesTheNextImport(replace: Bool) async throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp, name: "株式会社一号")])])
        let registry = try f.registry()
        #expect(try registry.lookup(corp, on: F.date("2024-01-01")).name == "株式会社一号")
        let next = try f.write("next.csv", [F.row(corp, process: "02", updated: "2024-02-01", name: "株式会社二号")])
        try f.importFiles([next], replace: replace)
        // Cached until the once-a-second check sees the new file.
        try await Task.sleep(for: .milliseconds(1100))
        let answer = try registry.details(corp, on: F.date("2024-03-01"))
        #expect(answer.answer.name == "株式会社二号")
        #expect(answer.formerNames == (replace ? [] : ["株式会社一号"]))
    }

    @Test func leftoverOfAKilledImportIsIgnoredThenRemoved() throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp)])])
        let leftover = f.databasePath + ".new"
        FileManager.default.createFile(atPath: leftover, contents: Data(repeating: 0x42, count: 10_000))
        #expect(try f.registry().lookup(corp, on: F.date("2024-01-01")).registered)
        try f.importFiles([try f.write("diff.csv", [F.row(F.number(5))])])
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(try f.registry().status().rows == 2)
    }

    @Test func aSecondImportAtTheSameTimeIsRefused() throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp)])])
        let fd = open(f.databasePath + ".lock", O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        #expect {
            try f.importFiles([try f.write("diff.csv", [F.row(F.number(5))])])
        } throws: { error in
            (error as? RegistryError)?.codeName == "busy"
        }
    }

    @Test func csvNamedZipIsRefused() throws {
        let f = try F()
        let path = try f.write("data.zip", [F.row(corp)])
        #expect {
            try f.importFiles([path])
        } throws: { error in
            (error as? RegistryError)?.codeName == "bad_zip"
        }
        #expect(!FileManager.default.fileExists(atPath: f.databasePath))
    }

    /// Past 2^24 rows the keys are sorted by SQLite instead of in memory; the answers are the same.
    @Test func keysSortedBySQLiteGiveTheSameAnswers() throws {
        let f = try F()
        let numbers = (1...50).map { F.number(Int64($0) * 104_729) }
        let rows = numbers.enumerated().flatMap { i, number in
            [F.row(number, process: "01", latest: "0", name: "旧\(i)"),
             F.row(number, process: "02", updated: "2024-05-01", name: "新\(i)")]
        }
        var importer = RegistryImporter(path: f.databasePath)
        importer.packedKeyLimit = 10
        _ = try importer.run(files: [try f.write("full.csv", rows)])
        let registry = try f.registry()
        for (i, number) in numbers.enumerated() {
            let result = try registry.details(number, on: F.date("2024-06-01"))
            #expect(result.answer.name == "新\(i)")
            #expect(result.formerNames == ["旧\(i)"])
        }
    }
}
