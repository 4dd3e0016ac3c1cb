import Foundation
import InvoiceCore
import InvoiceTemplates
import Testing

/// The templates in `Templates/` against the text-layer samples they were written for.
@Suite("The shipped templates on the text-layer samples")
struct SampleTemplateTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    static let library: TemplateLibrary = TemplateLibrary.load(directory: folder).library

    static let templateFor: [SampleInvoice: String] = [
        .classic: "aoba-office-supply", .wareki: "minato-printing",
        .bilingual: "soratech-bilingual", .twopage: "hokuto-foods",
        .classicScan: "aoba-office-supply", .warekiScan: "minato-printing",
        .bilingualScan: "soratech-bilingual", .twopageScan: "hokuto-foods",
    ]

    @Test func theShippedTemplatesHaveNoMistakes() {
        let errors = TemplateLibrary.check(directory: Self.folder)
        #expect(errors.isEmpty, "\(errors.map(\.description))")
        #expect(Self.library.templates.count == 5)
    }

    @Test(arguments: SampleInvoice.textLayer)
    func eachSampleChoosesItsTemplateAndReadsEveryField(sample: SampleInvoice) {
        let result = Extractor.extract(pages: sample.pages, templates: Self.library)
        #expect(result.template == Self.templateFor[sample])
        #expect(result.reasons.isEmpty, "\(result.reasons)")
        for field in CanonicalField.all {
            let extracted = result.fields.first { $0.field == field }
            #expect(result[field] == sample.expected[field], "\(field) via \(extracted?.locator ?? "-")")
            #expect((extracted?.value.confidence ?? 0) >= 0.9, "\(field) confidence")
        }
    }

    /// The monthly 合計請求書: values below their headers and at offsets in a per-rate table.
    @Test func theMonthlyStatementReadsEveryFieldWithItsTemplate() {
        let sample = SampleFile("monthly-text")
        let result = Extractor.extract(pages: sample.pages, templates: Self.library)
        #expect(result.template == "marusan-shuhan")
        for field in CanonicalField.all {
            #expect(result[field] == sample.expected[field], "\(field)")
            #expect((result.values[field]?.confidence ?? 0) >= 0.9, "\(field) confidence")
        }
    }

    @Test(arguments: SampleInvoice.textLayer)
    func printedValuesSayWhereTheyWereFound(sample: SampleInvoice) throws {
        let result = Extractor.extract(pages: sample.pages, templates: Self.library)
        let number = try #require(result.fields.first { $0.field == CanonicalField.registrationNumber })
        #expect(number.value.page == 1)
        #expect(number.value.box != nil)
        let total = try #require(result.fields.first { $0.field == CanonicalField.totalAmount })
        #expect(total.value.page == sample.pages.count)
    }
}
