import Foundation
import InvoiceCore
import InvoiceTemplates
import Testing

@Suite("What extraction hands to the CLI")
struct ExtractionOutputTests {
    /// The debugging JSON: template, scores, each field's value with confidence, page and box,
    /// its locator and the other candidates.
    @Test func theResultEncodesToJSON() throws {
        let result = Extractor.extract(pages: SampleInvoice.classic.pages, templates: SampleTemplateTests.library)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(result)) as? [String: Any])
        #expect(json["template"] as? String == "aoba-office-supply")
        let fields = try #require(json["fields"] as? [[String: Any]])
        #expect(fields.count == CanonicalField.all.count)
        let total = try #require(fields.first { $0["field"] as? String == "total_amount" })
        let value = try #require(total["value"] as? [String: Any])
        #expect(value["value"] as? String == "54510")
        #expect(value["page"] as? Int == 1)
        #expect((value["box"] as? [Double])?.count == 4)
        #expect(total["locator"] as? String == "anchor ご請求金額 right_of")
        let scores = try #require(json["scores"] as? [[String: Any]])
        #expect(scores.first?["registration_number_matched"] as? Bool == true)
    }

    /// The issue asks for extraction under 5 ms a document; a debug build is several times
    /// slower than a release one, so this only guards against gross regressions.
    @Test func extractionIsFast() {
        let pages = SampleInvoice.twopage.pages
        let library = SampleTemplateTests.library
        let clock = ContinuousClock()
        let runs = 20
        let elapsed = clock.measure {
            for _ in 0..<runs { _ = Extractor.extract(pages: pages, templates: library) }
        }
        let perDocument = elapsed / runs
        print("extraction of the two-page sample: \(perDocument) per document (this build)")
        #expect(perDocument < .milliseconds(100))
    }
}
