import InvoiceCore
import InvoiceTemplates
import Testing

/// Labels Japanese invoices print in more than one way (お支払い期限 with い, 消費税等, 今回請求額):
/// the generic extractor knows the common variants, not only the samples' spellings.
@Suite("The generic extractor's label variants")
struct GenericLabelVariantTests {
    static func page(due: String, total: String, tax: String, taxable: String) -> PageText {
        let builder = PageBuilder()
        builder.word("請求書", x: 250, y: 40, height: 20)
        builder.word("株式会社サンプル商事", x: 40, y: 100)
        builder.word("御中", x: 145, y: 100)
        builder.word("請求日", x: 380, y: 100).word("2024年9月30日", x: 460, y: 100)
        builder.word(due, x: 380, y: 116).word("2024年10月31日", x: 460, y: 116)
        builder.word(total, x: 40, y: 160).word("¥33,000", x: 140, y: 160)
        builder.word(taxable, x: 380, y: 400).word("¥30,000", x: 480, y: 400)
        builder.word(tax, x: 380, y: 416).word("¥3,000", x: 480, y: 416)
        return builder.page
    }

    @Test(arguments: [("お支払い期限", "今回請求額", "消費税等", "10%対象額"),
                      ("お振込期限", "総合計", "消費税額合計", "税率10%対象"),
                      ("支払予定日", "ご請求合計", "消費税等合計", "10%対象金額")])
    func theVariantsAreRead(due: String, total: String, tax: String, taxable: String) {
        let result = Extractor.extractGeneric(pages: [Self.page(due: due, total: total, tax: tax, taxable: taxable)])
        #expect(result["due_date"] == "2024-10-31")
        #expect(result["total_amount"] == "33000")
        #expect(result["tax_amount"] == "3000")
        #expect(result["taxable_10"] == "30000")
    }
}
