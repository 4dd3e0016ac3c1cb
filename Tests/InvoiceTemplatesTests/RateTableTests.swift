import InvoiceCore
@testable import InvoiceTemplates
import Testing

/// The generic extractor on a per-rate table (税率別内訳: 税率 | 対象金額 | 消費税額, a row per
/// rate), read by the tax arithmetic rather than by column titles, and the checks that keep a
/// value from being taken twice or from nowhere.
@Suite("Per-rate tables and implausible readings")
struct RateTableTests {
    static func table(_ rows: [(String, String, String)], total: String = "¥175,613") -> PageText {
        let builder = PageBuilder().word("御請求金額", x: 48, y: 100).word(total, x: 200, y: 100)
            .word("税率", x: 350, y: 300).word("対象金額(税抜)", x: 400, y: 300).word("消費税額", x: 500, y: 300)
        for (index, row) in rows.enumerated() {
            let y = 320 + Double(index) * 18
            builder.word(row.0, x: 350, y: y).word(row.1, x: 430, y: y).word(row.2, x: 510, y: y)
        }
        return builder.page
    }

    @Test func eachRateRowGivesItsAmountAndItsTax() {
        let page = Self.table([("10%", "¥157,740", "¥15,774"), ("8%（軽減）", "¥1,944", "¥155")])
        let result = Extractor.extractGeneric(pages: [page])
        #expect(result.values["taxable_10"]?.intValue == 157_740)
        #expect(result.values["tax_10"]?.intValue == 15_774)
        #expect(result.values["taxable_8"]?.intValue == 1_944)
        #expect(result.values["tax_8"]?.intValue == 155)
        #expect(result.values["tax_amount"]?.intValue == 15_929)
        #expect(result.values["total_amount"]?.intValue == 175_613)
    }

    @Test func aRowWhoseTaxDoesNotFitItsAmountIsNotRead() {
        // Two amounts after a rate that are not amount and tax (a quantity column, a misprint).
        let page = Self.table([("10%", "¥157,740", "¥9,999")])
        let result = Extractor.extractGeneric(pages: [page])
        #expect(result.values["taxable_10"]?.intValue != 157_740)
        #expect(result.values["tax_10"]?.intValue != 9_999)
    }

    @Test(arguments: [(100_000, 10, 10_000, true), (100_005, 10, 10_001, true), (110_000, 10, 10_000, true),
                      (1_944, 8, 155, true), (1_944, 8, 144, true), (1_944, 8, 200, false), (100, 10, 0, false)])
    func taxAtARateRoundedAnyWayOnEitherBasis(amount: Int, rate: Int, tax: Int, fits: Bool) {
        #expect(LocatorEvaluator.isTax(tax, of: amount, rate: rate) == fits)
    }

    @Test func aYearNoInvoiceHasIsBehindAnyPlausibleReading() throws {
        // The second reader read 2924 as 0244; the first reading, its 0s read back, wins.
        let template = Template(name: "t", match: MatchRules(keywords: ["x"]), fields: [
            FieldRule(field: "due_date", locators: [Locator(kind: .anchor(label: "お支払期限", isRegex: false, relation: .rightOf))]),
        ])
        var page = PageBuilder().word("お支払期限", x: 48, y: 100)
            .word("2924年19月31日", x: 120, y: 100, confidence: 0.6, secondReadings: ["2924": "0244", "19": "10"]).page
        page.source = .ocr
        let value = try #require(Extractor.extract(pages: [page], template: template).values["due_date"])
        #expect(value.value == "2024-10-31")
        let implausible = try #require(ValueNormalizer.normalize("0244年10月31日", field: "due_date", type: .date))
        #expect(implausible.confidence < 0.5)
    }

    @Test func oneDateIsNotBothTheIssueDateAndTheDueDate() {
        // The 発行日 label lost to OCR: the unlabelled guess must not take the due date's words.
        var page = PageBuilder().word("先日:", x: 400, y: 40).word("2024 和 36", x: 440, y: 40)
            .word("お支払期限:", x: 48, y: 190).word("2024年10月31日", x: 110, y: 190).page
        page.source = .ocr
        let result = Extractor.extractGeneric(pages: [page])
        #expect(result.values["due_date"]?.value == "2024-10-31")
        #expect(result.values["issue_date"]?.isPresent != true)
    }

    @Test func aSingleCharacterIsNoInvoiceNumber() {
        #expect(ValueNormalizer.normalize("9", field: "invoice_number", type: .identifier) == nil)
        #expect(ValueNormalizer.normalize(":.TS-2409-0118", field: "invoice_number", type: .identifier)?.value == "TS-2409-0118")
    }

    @Test func anApproximateLabelNeedsWholeLatinWordsAndNoPrintedLabelOfItsField() {
        // `INVOICE Shibaura` holds `invoices`, one letter from `Invoice #`; and `Invoice No.` is printed.
        var page = PageBuilder().word("INVOICE", x: 48, y: 40).word("Shibaura", x: 100, y: 40).word("9-9-99,", x: 150, y: 40)
            .word("Invoice", x: 340, y: 112).word("No.", x: 376, y: 112).word("KD-INV-2024-0815", x: 400, y: 112).page
        page.source = .ocr
        #expect(Extractor.extractGeneric(pages: [page])["invoice_number"] == "KD-INV-2024-0815")
        let keys = { (text: String) in text.map(IndexedPage.key) }
        #expect(IndexedPage.approximateOccurrences(of: keys("invoice#"), in: keys("invoiceshibaura")) == [0..<8])
        let indexed = IndexedPage(page)
        #expect(indexed.findApproximately(label: "Invoice #").isEmpty)
    }
}
