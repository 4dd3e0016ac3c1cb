import Foundation
import InvoiceCore
import InvoiceRegistry
import Testing

@Suite("Importing the National Tax Agency's files")
struct RegistryImportTests {
    typealias F = RegistryFixture
    let corp = F.number(12_050_002)
    let person = F.number(345_678_901)

    @Test func checkDigitOfTheSpecExample() {
        #expect(F.number(12_050_002) == "T7000012050002")
        #expect(RegistryNumber.hasValidCheckDigit(7_000_012_050_002))
        #expect(!RegistryNumber.hasValidCheckDigit(7_000_012_050_003))
        // What `registry lookup` accepts as typed: the core's parser.
        #expect(RegistrationNumber.parse(from: "Ｔ７０００-０１２０-５０００２")?.value.formatted == "T7000012050002")
        #expect(RegistrationNumber.parse(from: "7000012050002")?.value.formatted == "T7000012050002")
        #expect(RegistrationNumber.parse(from: "T70000120500") == nil)
    }

    /// The importer's integer check digit (its hot path) is the core's rule.
    @Test func integerCheckDigitAgreesWithTheCore() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let digits = Int64.random(in: 0..<10_000_000_000_000, using: &generator)
            let text = String(digits)
            let number = RegistrationNumber(digits: String(repeating: "0", count: 13 - text.count) + text)!
            #expect(RegistryNumber.hasValidCheckDigit(digits) == number.isCheckDigitValid)
        }
    }

    @Test func importsNewRegistrations() throws {
        let f = try F()
        let file = try f.write("all.csv", [
            F.row(corp, name: "株式会社テスト商事"),
            F.row(person, kind: "1", registered: "2024-01-15", updated: "2024-01-15", name: "山田太郎", sequence: 2),
        ])
        let summary = try f.importFiles([file])
        #expect(summary.rows == 2)
        #expect(summary.mode == .replace)
        let registry = try f.registry()
        let answer = try registry.lookup(corp, on: F.date("2024-06-01"))
        #expect(answer.found && answer.registered)
        #expect(answer.name == "株式会社テスト商事")
        #expect(answer.kind == .corporation)
        #expect(answer.registrationDate == F.date("2023-10-01"))
        #expect(answer.reason == "registered since 2023-10-01")
        let individual = try registry.lookup(person, on: F.date("2024-01-14"))
        #expect(individual.found && !individual.registered)
        #expect(individual.kind == .individual)
        #expect(individual.reason == "not registered until 2024-01-15")
        #expect(try registry.lookup(person, on: F.date("2024-01-15")).registered)
    }

    @Test func unknownNumberIsNotFound() throws {
        let f = try F()
        try f.importFiles([try f.write("all.csv", [F.row(corp)])])
        let answer = try f.registry().lookup(F.number(1), on: F.date("2024-06-01"))
        #expect(!answer.found && !answer.registered)
        #expect(answer.reason == "not found in the registry")
        #expect(throws: RegistryError.self) { try f.registry().lookup("T123", on: F.date("2024-06-01")) }
    }

    @Test func individualWithoutPublicNameIsCheckedByNumberAndDates() throws {
        let f = try F()
        try f.importFiles([try f.write("all.csv", [F.row(person, kind: "1", name: "", address: "")])])
        let answer = try f.registry().lookup(person, on: F.date("2024-06-01"))
        #expect(answer.registered)
        #expect(answer.name == nil && answer.names.isEmpty)
        #expect(answer.kind == .individual)
    }

    @Test func tradeAndPopularNamesAndQuotedFields() throws {
        let f = try F()
        try f.importFiles([try f.write("all.csv", [
            F.row(person, kind: "1", name: "山田花子", tradeName: "やまだ \"花\" 商店, 本店", popularName: "鈴木花子"),
        ])])
        let answer = try f.registry().lookup(person, on: F.date("2024-06-01"))
        #expect(answer.tradeName == "やまだ \"花\" 商店, 本店")
        #expect(answer.popularName == "鈴木花子")
        #expect(answer.names == ["山田花子", "やまだ \"花\" 商店, 本店", "鈴木花子"])
    }

    @Test func headerRowBOMAndCRLFAreAccepted() throws {
        let f = try F()
        let header = (["sequenceNumber", "registratedNumber", "process", "correct", "kind", "country", "latest",
                       "registrationDate", "updateDate", "disposalDate", "expireDate", "address",
                       "addressPrefectureCode", "addressCityCode", "addressRequest", "addressRequestPrefectureCode",
                       "addressRequestCityCode", "kana", "name", "addressInside", "addressInsidePrefectureCode",
                       "addressInsideCityCode", "tradeName", "popularName_previousName"]).map { "\"\($0)\"" }
            .joined(separator: ",")
        let text = "\u{FEFF}" + header + "\r\n" + F.row(corp) + "\r\n" + F.row(person, kind: "1")  // no final newline
        let path = try f.writeBytes("all.csv", Array(text.utf8))
        #expect(try f.importFiles([path]).rows == 2)
        #expect(try f.registry().lookup(person, on: F.date("2024-06-01")).registered)
    }

    @Test func manyRowsAcrossChunkBoundaries() throws {
        let f = try F()
        let rows = (1...30_000).map { F.row(F.number(Int64($0) * 7919), name: "株式会社サンプル\($0)", sequence: $0) }
        let summary = try f.importFiles([try f.write("big.csv", rows)])
        #expect(summary.rows == 30_000)
        let registry = try f.registry()
        for i in [1, 2, 9_999, 15_000, 29_999, 30_000] {
            let answer = try registry.lookup(F.number(Int64(i) * 7919), on: F.date("2024-01-01"))
            #expect(answer.name == "株式会社サンプル\(i)")
        }
        #expect(try registry.status().rows == 30_000)
    }

    /// Escaped quotes, commas and CRLF in rows that straddle the parser's 2 MB batches and the
    /// reader's 1 MB chunks.
    @Test func escapesAcrossChunkBoundaries() throws {
        let f = try F()
        let rows = (1...25_000).map { i in
            F.row(F.number(Int64(i) * 31), kind: "1", name: "山田\(i)", tradeName: "\"\(i)\" 商店, \"本店\"",
                  popularName: String(repeating: "あ", count: i % 40), sequence: i)
        }
        let path = try f.write("escaped.csv", rows, lineEnding: "\r\n")
        #expect(try f.importFiles([path]).rows == 25_000)
        let registry = try f.registry()
        for i in [1, 2, 7_777, 12_345, 24_999, 25_000] {
            let answer = try registry.lookup(F.number(Int64(i) * 31), on: F.date("2024-01-01"))
            #expect(answer.name == "山田\(i)")
            #expect(answer.tradeName == "\"\(i)\" 商店, \"本店\"")
            #expect(answer.popularName == (i % 40 == 0 ? nil : String(repeating: "あ", count: i % 40)))
        }
    }

    @Test func zipArchivesAreRead() throws {
        let f = try F()
        let a = try f.write("a.csv", [F.row(corp)])
        let b = try f.write("b.csv", [F.row(person, kind: "1", name: "山田太郎")])
        let zip = try f.zip("data.zip", [a, b])
        let summary = try f.importFiles([zip])
        #expect(summary.files.map(\.name) == ["\(zip)/a.csv", "\(zip)/b.csv"])
        #expect(try f.registry().lookup(person, on: F.date("2024-06-01")).name == "山田太郎")
    }

    @Test func statusShowsRowsNewestUpdateAndFiles() throws {
        let f = try F()
        let full = try f.write("full.csv", [F.row(corp), F.row(person, kind: "1", updated: "2024-03-31")])
        let diff = try f.write("diff.csv", [F.row(corp, process: "02", updated: "2024-04-02", name: "株式会社新名称")])
        try f.importFiles([full])
        let applied = try f.importFiles([diff])
        #expect(applied.mode == .apply)
        let status = try f.registry().status()
        #expect(status.rows == 3)
        #expect(status.newestUpdateDate == F.date("2024-04-02"))
        #expect(status.files.map(\.name) == [full, diff])
        #expect(status.files.map(\.mode) == ["replace", "apply"])
    }
}
