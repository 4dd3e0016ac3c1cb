import Foundation
import InvoiceCore
import InvoiceTemplates
import Testing

/// The item table: found by its header, read row by row, reduced-rate marks, across pages.
@Suite("Line items")
struct LineItemTests {
    static func compact(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }

    /// Every sample with a header row reads every row of its ground truth (held-out ones included).
    @Test(arguments: ["twopage-text", "inclusive-text", "monthly-text", "english-text"].map(SampleFile.init))
    func readsTheSampleTables(sample: SampleFile) {
        let items = Extractor.extractGeneric(pages: sample.pages).lineItems
        let expected = sample.lineItems
        #expect(items.count == expected.count)
        for (item, truth) in zip(items, expected) {
            #expect(Self.compact(item.description) == Self.compact(truth["description"] as? String ?? ""))
            #expect(item.amount == truth["amount"] as? Int)
            #expect(item.reducedRate == truth["reduced"] as? Bool, "\(item.description)")
            if let quantity = item.quantity { #expect(quantity == (truth["quantity"] as? Double)) }
            if let price = item.unitPrice { #expect(price == truth["unit_price"] as? Int) }
        }
    }

    /// The two-page sample continues its table below a repeated header on page 2, and the rows
    /// of each rate add up to that rate's amount.
    @Test func continuesAcrossPages() {
        let sample = SampleInvoice.twopage
        let result = Extractor.extractGeneric(pages: sample.pages)
        let pages = Set(result.lineItems.map(\.page))
        #expect(pages == [1, 2])
        // No header word or total became an item.
        #expect(!result.lineItems.contains { ["品名", "小計", "合計"].contains(where: $0.description.contains) })
        let check = TaxCheck.check(TaxBreakdown(fields: result.routingFields, basis: result.taxBasis, lines: result.taxLines))
        #expect(check.isConsistent, "\(check.reasons)")
    }

    static func table(page2Header: Bool) -> [PageText] {
        let first = PageBuilder(number: 1)
        first.word("品名", x: 60, y: 100).word("数量", x: 300, y: 100).word("単価", x: 380, y: 100).word("金額", x: 480, y: 100)
        first.word("りんご", x: 60, y: 120).word("※", x: 95, y: 120).word("3", x: 305, y: 120)
            .word("100", x: 385, y: 120).word("300", x: 485, y: 120)
        first.word("ノート", x: 60, y: 140).word("2", x: 305, y: 140).word("150", x: 385, y: 140).word("300", x: 485, y: 140)
        first.word("次頁へ続く", x: 450, y: 800)
        let second = PageBuilder(number: 2)
        if page2Header {
            second.word("品名", x: 60, y: 60).word("数量", x: 300, y: 60).word("単価", x: 380, y: 60).word("金額", x: 480, y: 60)
        }
        second.word("軽", x: 40, y: 80).word("みかん", x: 60, y: 80).word("10", x: 300, y: 80)
            .word("50", x: 385, y: 80).word("500", x: 485, y: 80)
        second.word("小計", x: 300, y: 120).word("1,100", x: 480, y: 120)
        second.word("配送料", x: 60, y: 140).word("1", x: 305, y: 140).word("500", x: 385, y: 140).word("500", x: 485, y: 140)
        return [first.page, second.page]
    }

    @Test(arguments: [true, false])
    func aTableRunsOnToTheNextPageUntilItsEnd(page2Header: Bool) {
        let items = Extractor.extractGeneric(pages: Self.table(page2Header: page2Header)).lineItems
        #expect(items.map(\.description) == ["りんご", "ノート", "みかん"])
        #expect(items.map(\.reducedRate) == [true, false, true])
        #expect(items.map(\.page) == [1, 1, 2])
        #expect(items.map(\.quantity) == [3, 2, 10])
        #expect(items.map(\.unitPrice) == [100, 150, 50])
        #expect(items.map(\.amount) == [300, 300, 500])
        #expect(items.allSatisfy { $0.box.width > 0 })
    }

    @Test func aTemplateNamesItsOwnColumns() throws {
        let yaml = TemplateYAML.minimal(name: "parts", keyword: "部品", extra: """
            line_items:
              description: [部品名]
              quantity: [個数]
              unit_price: [価格]
              amount: [計]
              end: [以上]
              reduced_marks: ['#']
            """)
        let (parsed, errors) = TemplateLibrary.parse(yaml: yaml, file: "parts.yaml")
        #expect(errors.isEmpty, "\(errors)")
        let template = try #require(parsed)
        let page = PageBuilder()
        page.word("部品名", x: 60, y: 100).word("個数", x: 300, y: 100).word("価格", x: 380, y: 100).word("計", x: 490, y: 100)
        page.word("ボルト", x: 60, y: 120).word("#", x: 95, y: 120).word("4", x: 305, y: 120).word("25", x: 385, y: 120).word("100", x: 485, y: 120)
        page.word("以上", x: 60, y: 140)
        page.word("ナット", x: 60, y: 160).word("4", x: 305, y: 160).word("10", x: 385, y: 160).word("40", x: 485, y: 160)
        let items = Extractor.extract(pages: [page.page], template: template).lineItems
        #expect(items.map(\.description) == ["ボルト"])
        #expect(items.first?.reducedRate == true)
        // The standard dictionary would not have found this header.
        #expect(Extractor.extractGeneric(pages: [page.page]).lineItems.isEmpty)
    }

    @Test func unknownLineItemKeysAreReported() {
        let yaml = TemplateYAML.minimal(name: "parts", keyword: "部品", extra: "line_items:\n  price: [価格]")
        let errors = TemplateLibrary.parse(yaml: yaml, file: "parts.yaml").errors
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("price") == true)
    }
}
