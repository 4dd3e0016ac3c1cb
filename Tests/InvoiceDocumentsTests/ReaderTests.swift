import Foundation
import InvoiceCore
import InvoiceDocuments
import Testing

/// One reader for the whole suite, as in the product: its Tesseract engines are made once.
let sharedReader = DocumentReader()

@Suite("Reading bad input")
struct BadInputTests {
    @Test("each kind of bad file is refused with its SPEC reason code", arguments: [
        ("encrypted-user-password.pdf", ReasonCode.encryptedPDF),
        ("huge-page.pdf", .tooLarge),
        ("huge-image.pdf", .tooLarge),
        ("500-pages.pdf", .tooLarge),
        ("text-named.pdf", .unsupportedType),
        ("truncated.jpg", .corruptImage),
    ])
    func fixture(name: String, expected: ReasonCode) async throws {
        let error = await #expect(throws: DocumentReadError.self) {
            try await sharedReader.read(contentsOf: TestSupport.fixture(name))
        }
        #expect(error?.code == expected)
        #expect(error?.advice.isEmpty == false)
    }

    @Test func zeroByteFileIsEmptyFile() async throws {
        let error = await #expect(throws: DocumentReadError.self) { try await sharedReader.read(Data()) }
        #expect(error?.code == .emptyFile)
    }

    @Test("a PDF cut short is corrupt_pdf", arguments: [0.5, 0.9])
    func truncatedPDF(fraction: Double) async throws {
        let whole = try Data(contentsOf: TestSupport.sample("classic-text.pdf"))
        let cut = whole.prefix(Int(Double(whole.count) * fraction))
        let error = await #expect(throws: DocumentReadError.self) { try await sharedReader.read(Data(cut)) }
        #expect(error?.code == .corruptPDF)
    }

    @Test("an image cut short is corrupt_image", arguments: ["truncated.jpg", "truncated.png"])
    func truncatedImage(name: String) async throws {
        let error = await #expect(throws: DocumentReadError.self) {
            try await sharedReader.read(contentsOf: TestSupport.fixture(name))
        }
        #expect(error?.code == .corruptImage)
    }

    @Test func randomBytesAreUnsupported() async throws {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0])
        let error = await #expect(throws: DocumentReadError.self) { try await sharedReader.read(bytes) }
        #expect(error?.code == .unsupportedType)
    }

    @Test func pageLimitIsConfigurable() async throws {
        var configuration = ReaderConfiguration()
        configuration.maxPages = 600
        let reader = DocumentReader(configuration: configuration)
        let document = try await reader.read(contentsOf: TestSupport.fixture("500-pages.pdf"))
        #expect(document.pages.count == 500)
        #expect(document.pages.allSatisfy { $0.source == .textLayer })
    }

    @Test func fileSizeLimitIsChecked() async throws {
        var configuration = ReaderConfiguration()
        configuration.maxFileBytes = 1000
        let reader = DocumentReader(configuration: configuration)
        let error = await #expect(throws: DocumentReadError.self) {
            try await reader.read(contentsOf: TestSupport.sample("classic-text.pdf"))
        }
        #expect(error?.code == .tooLarge)
    }

    @Test func ownerPasswordOnlyOpensNormally() async throws {
        let document = try await sharedReader.read(contentsOf: TestSupport.fixture("owner-password-only.pdf"))
        #expect(document.pages.first?.text.contains("T7000012050002") == true)
    }
}
