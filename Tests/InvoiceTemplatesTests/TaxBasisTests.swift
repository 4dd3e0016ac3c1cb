import InvoiceCore
import InvoiceTemplates
import Testing

/// Tax-inclusive documents: the basis is read from the labels (or the template), the canonical
/// `taxable_N` lose their tax, and the printed amounts with the line items add up on that basis.
@Suite("Tax basis and invoice kind")
struct TaxBasisTests {
    /// Held out from tuning: the 税込 layout reads its canonical fields and its arithmetic holds.
    @Test func theInclusiveSampleChecksOutOnItsBasis() {
        let sample = SampleFile("inclusive-text")
        let result = Extractor.extractGeneric(pages: sample.pages)
        #expect(result.taxBasis == .inclusive)
        for field in ["taxable_10", "tax_10", "taxable_8", "tax_8", "tax_amount", "total_amount"] {
            #expect(result[field] == sample.expected[field], "\(field)")
        }
        #expect(result.lineItems.count == sample.lineItems.count)
        let check = TaxCheck.check(TaxBreakdown(fields: result.routingFields, basis: result.taxBasis, lines: result.taxLines))
        #expect(check.isConsistent, "\(check.reasons)")
        // The canonical values are tax-exclusive: read as inclusive they would not add up.
        #expect(!TaxCheck.check(TaxBreakdown(fields: result.values, basis: .inclusive)).isConsistent)
    }

    @Test(arguments: ["classic-text-literal", "monthly-text", "english-text"])
    func exclusiveDocumentsStayExclusive(name: String) {
        let pages = name == "classic-text-literal" ? SampleInvoice.classic.pages : SampleFile(name).pages
        let result = Extractor.extractGeneric(pages: pages)
        #expect(result.taxBasis == .exclusive)
        #expect(result.routingFields == result.values)
        #expect(result.kind == .qualified)
    }

    @Test func aReceiptWithoutRecipientIsSimplified() {
        let result = Extractor.extractGeneric(pages: SampleFile("receipt-text").pages)
        #expect(result.kind == .simplified)
        #expect(result.taxBasis == .inclusive)
    }

    @Test func aTemplateStatesBasisAndKind() throws {
        let yaml = TemplateYAML.minimal(extra: "tax_basis: inclusive\nkind: simplified")
        let (template, errors) = TemplateLibrary.parse(yaml: yaml, file: "shop.yaml")
        #expect(errors.isEmpty, "\(errors)")
        let parsed = try #require(template)
        #expect(parsed.taxBasis == .inclusive)
        #expect(parsed.kind == .simplified)
        let page = PageBuilder().word("商店", x: 40, y: 40).word("合計", x: 40, y: 100).word("¥1,100", x: 200, y: 100).page
        let result = Extractor.extract(pages: [page], template: parsed)
        #expect(result.taxBasis == .inclusive)
        #expect(result.kind == .simplified)
    }

    @Test func wrongBasisOrKindIsReportedWithItsLine() {
        let yaml = TemplateYAML.minimal(extra: "tax_basis: gross\nkind: receipt")
        let errors = TemplateLibrary.parse(yaml: yaml, file: "shop.yaml").errors
        #expect(errors.map(\.line) == [4, 5])
    }
}
