import InvoiceCore
@testable import InvoiceTemplates
import Testing

/// Labels and values OCR misread: a label with one character wrong, a digit run the second
/// reader read differently, a template locator that finds nothing — each recovered only where
/// no other reading is as likely, and never as surely as a clean reading.
@Suite("Misread labels and values")
struct MisreadTextTests {
    static func template(_ rules: [(String, String)]) -> Template {
        Template(name: "t", match: MatchRules(keywords: ["x"]), fields: rules.map { field, label in
            FieldRule(field: field, locators: [Locator(kind: .anchor(label: label, isRegex: false, relation: .rightOf))])
        })
    }

    static func ocr(_ build: (PageBuilder) -> Void) -> PageText { OCRToleranceTests.ocrPage(build) }

    static let rates = template([("taxable_10", "10%対象"), ("taxable_8", "8%対象"), ("tax_8", "消費税(8%)")])

    @Test func oneEditIsAChangedMissingOrExtraCharacter() {
        func keys(_ text: String) -> [UInt32] { text.map(IndexedPage.key) }
        #expect(IndexedPage.withinOneEdit(keys("10%対象"), keys("1%対象")[...]))
        #expect(IndexedPage.withinOneEdit(keys("10%対象"), keys("10%対像")[...]))
        #expect(IndexedPage.withinOneEdit(keys("10%対象"), keys("10%%対象")[...]))
        #expect(!IndexedPage.withinOneEdit(keys("10%対象"), keys("8%対象")[...]))
        // The window ending on the label's last character is preferred to one that swallows the value.
        #expect(IndexedPage.approximateOccurrences(of: keys("消費税8%"), in: keys("消費税8¥673")) == [0..<4])
        #expect(IndexedPage.approximateOccurrences(of: keys("消費税8%"), in: keys("消費税8673")) == [0..<4])
        #expect(IndexedPage.approximateOccurrences(of: keys("お支払期限"), in: keys("お支払期眼2024")) == [0..<5])
    }

    @Test func aLabelWithACharacterDroppedIsFoundWhenNoOtherLabelFits() throws {
        // `1%対象` could be 10%対象 or 8%対象; 8%対象 is printed further down, so it is 10%対象.
        let page = Self.ocr { $0.word("1%対象", x: 300, y: 100).word("¥41,285", x: 400, y: 100)
            .word("8%対象", x: 300, y: 120).word("¥8,424", x: 400, y: 120)
            .word("消費税(8)", x: 300, y: 140).word("¥673", x: 400, y: 140) }
        let result = Extractor.extract(pages: [page], template: Self.rates)
        let taxable10 = try #require(result.values["taxable_10"])
        #expect(taxable10.intValue == 41285)
        #expect(taxable10.confidence < 0.9)
        #expect(result.values["taxable_8"]?.intValue == 8424)
        #expect(result.values["tax_8"]?.intValue == 673)
    }

    @Test func anAmbiguousMisreadLabelIsNotTaken() {
        // Without 8%対象 on the page, `1%対象` is as near to it as to 10%対象: neither.
        let page = Self.ocr { $0.word("1%対象", x: 300, y: 100).word("¥41,285", x: 400, y: 100) }
        let result = Extractor.extract(pages: [page], template: Self.rates)
        #expect(!result.fields.contains { $0.value.value == "41285" })
    }

    @Test func onlyOCRPagesAndLongEnoughLabelsAreMatchedApproximately() {
        // A text layer prints its labels as they are.
        let text = PageBuilder().word("1%対象", x: 300, y: 100).word("¥41,285", x: 400, y: 100)
            .word("8%対象", x: 300, y: 120).word("¥8,424", x: 400, y: 120).page
        #expect(!Extractor.extract(pages: [text], template: Self.rates).fields.contains { $0.value.value == "41285" })
        // 請求日 with its 日 read as 。 could as well be 請求書 or 請求月.
        let short = Self.ocr { $0.word("請求。", x: 300, y: 100).word("2024/06/20", x: 400, y: 100) }
        #expect(Extractor.extract(pages: [short], template: Self.template([("issue_date", "請求日")])).values["issue_date"]?.isPresent != true)
    }

    @Test func aDigitRunsSecondReadingGivesADateTheFirstDoesNot() throws {
        let page = Self.ocr { $0.word("請求日", x: 300, y: 100)
            .word("29024706729", x: 400, y: 100, confidence: 0.6, secondReadings: ["29024706729": "2024/06/20"]) }
        let value = try #require(Extractor.extract(pages: [page], template: Self.template([("issue_date", "請求日")])).values["issue_date"])
        #expect(value.value == "2024-06-20")
        #expect(value.confidence < 0.6)
    }

    @Test func theTaxArithmeticChoosesBetweenTwoReadingsOfAnAmount() throws {
        let template = Self.template([("taxable_10", "10%対象"), ("tax_10", "消費税(10%)"), ("total_amount", "合計金額")])
        let page = Self.ocr { $0.word("10%対象", x: 300, y: 100).word("¥10,000", x: 400, y: 100)
            .word("消費税(10%)", x: 300, y: 120).word("¥1,666", x: 400, y: 120, confidence: 0.6, secondReadings: ["1,666": "1,000"])
            .word("合計金額", x: 300, y: 140).word("¥11,000", x: 400, y: 140) }
        let value = try #require(Extractor.extract(pages: [page], template: template).values["tax_10"])
        #expect(value.intValue == 1000)
        #expect(value.confidence < 0.9)
        // Where the first reading adds up, the second does not displace it.
        let consistent = Self.ocr { $0.word("10%対象", x: 300, y: 100).word("¥10,000", x: 400, y: 100)
            .word("消費税(10%)", x: 300, y: 120).word("¥1,000", x: 400, y: 120, confidence: 0.6, secondReadings: ["1,000": "1,666"])
            .word("合計金額", x: 300, y: 140).word("¥11,000", x: 400, y: 140) }
        #expect(Extractor.extract(pages: [consistent], template: template).values["tax_10"]?.intValue == 1000)
    }

    @Test func theGenericLabelsStandInForATemplateLocatorThatFoundNothing() throws {
        var template = Template(name: "t", match: MatchRules(keywords: ["x"]), fields: [
            FieldRule(field: "registration_number", locators: [Locator(kind: .regex("登録番号:?(T[0-9]{13})"))]),
            FieldRule(field: "issue_date", locators: [Locator(kind: .anchor(label: "発行日", isRegex: false, relation: .rightOf))]),
        ])
        template.match.registrationNumbers = ["T8011001087654"]
        // The T read as 1: the template's regex finds nothing, the generic 登録番号 label does.
        let page = Self.ocr { $0.word("登録番号:", x: 300, y: 100).word("18011001087654", x: 360, y: 100)
            .word("お支払期限", x: 300, y: 120).word("2024/06/30", x: 400, y: 120)
            .word("請求書番号", x: 300, y: 140).word("INV-1", x: 400, y: 140) }
        let result = Extractor.extract(pages: [page], template: template)
        let number = try #require(result.fields.first { $0.field == "registration_number" })
        #expect(number.value.value == "T8011001087654")
        #expect(number.value.confidence < 0.9)
        #expect(number.locator?.hasPrefix("generic") == true)
        // Not its weak guesses: the only date on the page is the due date, not the issue date.
        #expect(result.values["issue_date"]?.isPresent != true)
        // Nor fields the template does not declare.
        #expect(result.values["invoice_number"]?.isPresent != true)
        // A text layer prints what the template expects: no stand-in there.
        var text = page
        text.source = .textLayer
        #expect(Extractor.extract(pages: [text], template: template).values["registration_number"]?.isPresent != true)
    }

    @Test func aStandInValueMustFitTheTemplatesPattern() {
        let template = Template(name: "t", match: MatchRules(keywords: ["x"]), fields: [
            FieldRule(field: "invoice_number", locators: [
                Locator(kind: .anchor(label: "伝票番号", isRegex: false, relation: .rightOf), pattern: "^B-[0-9]+$")]),
        ])
        let other = Self.ocr { $0.word("請求書番号", x: 300, y: 100).word("A-17", x: 400, y: 100) }
        #expect(Extractor.extract(pages: [other], template: template).values["invoice_number"]?.isPresent != true)
        let fits = Self.ocr { $0.word("請求書番号", x: 300, y: 100).word("B-17", x: 400, y: 100) }
        #expect(Extractor.extract(pages: [fits], template: template)["invoice_number"] == "B-17")
    }

    @Test func aNameIsTheFirstLineUnderItsLabel() {
        // The company's name read with a doubtful word, its address below: the address's first
        // word is not a name.
        let page = Self.ocr { $0.word("Bill", x: 48, y: 100).word("To", x: 70, y: 100)
            .word("Sample", x: 48, y: 115, confidence: 0.87).word("Shoji", x: 85, y: 115, confidence: 0.38)
            .word("Co.,", x: 115, y: 115).word("Ltd.", x: 140, y: 115)
            .word("Sample", x: 48, y: 130, confidence: 0.97).word("Building", x: 85, y: 130).word("3F,", x: 130, y: 130)
            .word("9-9", x: 150, y: 130).word("Nihonbashi", x: 170, y: 130) }
        #expect(Extractor.extractGeneric(pages: [page])["recipient_name"] == "Sample Shoji Co., Ltd.")
    }
}
