import InvoiceCore
import InvoiceTemplates
import Testing

/// English and bilingual invoices name the customer under a label (Bill To, 請求先) rather than
/// before 御中; the next column's labels and dates are never taken for the name.
@Suite("The generic extractor's recipient under a label")
struct RecipientLabelTests {
    static func page(label: String) -> PageText {
        let builder = PageBuilder()
        builder.word("INVOICE", x: 40, y: 40, height: 20)
        builder.word(label, x: 40, y: 110)
        builder.word("Invoice No.:", x: 340, y: 110)
        builder.word("KD-INV-2024-0815", x: 470, y: 110)
        builder.word("Umi", x: 40, y: 126)
        builder.word("Trading", x: 60, y: 126)
        builder.word("Co.,", x: 100, y: 126)
        builder.word("Ltd.", x: 124, y: 126)
        builder.word("Invoice Date:", x: 340, y: 126)
        builder.word("August 15, 2024", x: 470, y: 126)
        builder.word("9-9 Nihonbashi, Chuo-ku, Tokyo", x: 40, y: 142)
        return builder.page
    }

    @Test(arguments: ["Bill To", "Billed To", "請求先"])
    func theNameUnderTheLabelIsTheRecipient(label: String) {
        let result = Extractor.extractGeneric(pages: [Self.page(label: label)])
        #expect(result["recipient_name"] == "Umi Trading Co., Ltd.")
    }

    @Test func aLabelOrADateIsNeverAName() {
        // Without the name under Bill To, what is below in other columns is a label and a date.
        let builder = PageBuilder()
        builder.word("Bill To", x: 40, y: 110)
        builder.word("Invoice Date:", x: 40, y: 126)
        builder.word("August 15, 2024", x: 40, y: 142)
        let result = Extractor.extractGeneric(pages: [builder.page])
        #expect(result["recipient_name"] == nil)
    }
}
