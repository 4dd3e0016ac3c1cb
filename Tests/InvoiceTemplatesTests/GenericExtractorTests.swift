import InvoiceCore
import InvoiceTemplates
import Testing

@Suite("The generic extractor on the text-layer samples")
struct GenericExtractorTests {
    @Test(arguments: SampleInvoice.textLayer)
    func readsEveryField(sample: SampleInvoice) {
        let result = Extractor.extractGeneric(pages: sample.pages)
        for field in CanonicalField.all {
            let got = result[field]
            #expect(got == sample.expected[field], "\(field): \(String(describing: got)) via \(result.fields.first { $0.field == field }?.locator ?? "-")")
        }
    }
}
