import Foundation
import InvoiceCore
import InvoiceRegistry
import InvoiceTemplates
import InvoiceWorker
import Testing

/// A registration number OCR misread into one the registry does not know (a 0 read as 9 keeps
/// the check digit valid), given back by a real registry when exactly one of its possible
/// originals is registered under the issuer's name.
@Suite("Registration numbers corrected by the registry")
struct RegistryCorrectionTests {
    static let truth = RegistrationNumber("T9290001056789")!
    static let read = RegistrationNumber("T9299991956789")!

    /// A registry imported from the official CSV layout with these (number, name) rows.
    static func registry(_ rows: [(String, String)]) throws -> Registry {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iw-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let csv = folder.appendingPathComponent("registry.csv")
        let lines = rows.enumerated().map { index, row in
            [String(index + 1), row.0, "01", "0", "2", "1", "1", "2023-10-01", "2023-10-01", "", "", "東京都港区芝浦9丁目",
             "13", "103", "", "", "", "", row.1, "", "", "", "", ""].map { "\"\($0)\"" }.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent("registry.sqlite").path
        _ = try RegistryImporter(path: path).run(files: [csv.path])
        return try Registry(path: path)
    }

    static func extraction(number: RegistrationNumber, issuer: String) -> ExtractionResult {
        let fields = [
            ExtractedField(field: CanonicalField.issuerName, value: FieldValue(issuer, confidence: 0.9), locator: "company block", alternatives: []),
            ExtractedField(field: CanonicalField.registrationNumber, value: FieldValue(number.formatted, confidence: 0.6),
                           locator: "regex T[0-9]{13}", alternatives: []),
            ExtractedField(field: CanonicalField.issueDate, value: FieldValue("2024-06-15", confidence: 0.9), locator: "anchor", alternatives: []),
        ]
        return ExtractionResult(template: nil, scores: [], fields: fields, reasons: [])
    }

    static func correct(_ extraction: inout ExtractionResult, with registry: Registry) -> Bool {
        ExtractionRouting.correctRegistrationNumber(&extraction) { try? registry.lookup($0.formatted, on: $1) }
    }

    @Test func theOriginalsIncludeZerosReadAsNines() {
        let originals = Self.read.possibleOriginals
        #expect(originals.contains(Self.truth))
        #expect(!originals.contains(Self.read))
        #expect(originals.allSatisfy { $0.isCheckDigitValid })
    }

    @Test func theOneRegisteredUnderTheIssuersNameIsTaken() throws {
        let registry = try Self.registry([(Self.truth.formatted, "株式会社こむぎ堂"), ("T2120001077123", "株式会社ひかり電材")])
        var extraction = Self.extraction(number: Self.read, issuer: "株式会社こむぎ堂")
        #expect(Self.correct(&extraction, with: registry))
        let field = try #require(extraction.fields.first { $0.field == CanonicalField.registrationNumber })
        #expect(field.value.value == Self.truth.formatted)
        #expect(field.value.confidence <= 0.8)
        #expect(field.locator?.contains("read as \(Self.read.formatted)") == true)
    }

    @Test func anotherCompanysNumberOrTwoCandidatesOrAKnownNumberStay() throws {
        // Registered, but to someone else.
        let elsewhere = try Self.registry([(Self.truth.formatted, "合同会社まったく別")])
        var extraction = Self.extraction(number: Self.read, issuer: "株式会社こむぎ堂")
        #expect(!Self.correct(&extraction, with: elsewhere))
        #expect(extraction[CanonicalField.registrationNumber] == Self.read.formatted)

        // Two possible originals registered under the name: no guess.
        let second = try #require(Self.read.possibleOriginals.first { $0 != Self.truth })
        let two = try Self.registry([(Self.truth.formatted, "株式会社こむぎ堂"), (second.formatted, "株式会社こむぎ堂")])
        extraction = Self.extraction(number: Self.read, issuer: "株式会社こむぎ堂")
        #expect(!Self.correct(&extraction, with: two))

        // The number read is registered itself: nothing to correct.
        let known = try Self.registry([(Self.read.formatted, "株式会社こむぎ堂"), (Self.truth.formatted, "株式会社こむぎ堂")])
        extraction = Self.extraction(number: Self.read, issuer: "株式会社こむぎ堂")
        #expect(!Self.correct(&extraction, with: known))
    }
}

/// An issuer name garbled by OCR (a seal over its end) or not read at all, given by the name a
/// real registry holds for the registration number read.
@Suite("Issuer names from the registry")
struct IssuerNameCorrectionTests {
    static let number = RegistrationNumber("T8011001087654")!

    static func correct(_ issuer: String?) throws -> ExtractedField {
        let registry = try RegistryCorrectionTests.registry([(number.formatted, "株式会社青葉オフィスサプライ")])
        var extraction = RegistryCorrectionTests.extraction(number: number, issuer: issuer ?? "")
        if issuer == nil { extraction.fields[0].value = FieldValue(nil, confidence: 0) }
        ExtractionRouting.correctFromRegistry(&extraction) { try? registry.lookup($0.formatted, on: $1) }
        return try #require(extraction.fields.first { $0.field == CanonicalField.issuerName })
    }

    @Test(arguments: ["株式会社青葉オフィスサTA4ty", "株式会社ZZ葉オフィスサプライ", "株式会社青葉オフィスサブライ"])
    func aNameGarbledAtOneEndBecomesTheRegisteredName(read: String) throws {
        let field = try Self.correct(read)
        #expect(field.value.value == "株式会社青葉オフィスサプライ")
        #expect(field.value.confidence <= 0.8)
        #expect(field.locator?.contains("read as \(read)") == true)
    }

    @Test(arguments: ["株式会社青葉オフィスサプライ", "有限会社青葉オフィスサプTA4", "株式会社まるで別の会社"])
    func aNameReadWellOrAnotherCompanysNameStays(read: String) throws {
        // As printed, with another legal form, or another name altogether: not replaced.
        #expect(try Self.correct(read).value.value == read)
    }

    @Test func noNameReadTakesTheRegisteredNameAsUnsureAsTheNumber() throws {
        let field = try Self.correct(nil)
        #expect(field.value.value == "株式会社青葉オフィスサプライ")
        #expect(field.value.confidence <= 0.6)
        #expect(field.locator?.contains("registry") == true)
    }

    @Test func aNumberTheRegistryDoesNotKnowGivesNoName() throws {
        let registry = try RegistryCorrectionTests.registry([("T2120001077123", "株式会社青葉オフィスサプライ")])
        var extraction = RegistryCorrectionTests.extraction(number: Self.number, issuer: "株式会社青葉オフィスサTA4ty")
        ExtractionRouting.correctFromRegistry(&extraction) { try? registry.lookup($0.formatted, on: $1) }
        #expect(extraction[CanonicalField.issuerName] == "株式会社青葉オフィスサTA4ty")
    }
}
