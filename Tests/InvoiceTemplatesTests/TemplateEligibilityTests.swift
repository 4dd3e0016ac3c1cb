import InvoiceTemplates
import Testing

/// A template is chosen for its supplier, not for labels every supplier prints.
@Suite("Template eligibility")
struct TemplateEligibilityTests {
    @Test func anchorsAloneDoNotChooseATemplate() {
        // Another supplier's two-page invoice: the same labels as hokuto-foods, its own name and number.
        let result = Extractor.extract(pages: SampleInvoice.mixedTextScan.pages, templates: SampleTemplateTests.library)
        #expect(result.template == nil)
        // Its labels alone score enough for a template of that layout, which is still not used.
        #expect(result.scores.contains { $0.score >= TemplateScore.threshold && !$0.anchorsFound.isEmpty && !$0.isEligible })
    }
}
