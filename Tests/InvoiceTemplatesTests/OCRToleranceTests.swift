import InvoiceCore
import InvoiceTemplates
import Testing

/// What OCR does to labels and values, and how extraction copes without inventing values.
@Suite("Tolerance to OCR noise")
struct OCRToleranceTests {
    static func field(_ name: String, _ locator: Locator) -> Template {
        Template(name: "t", match: MatchRules(keywords: ["x"]), fields: [FieldRule(field: name, locators: [locator])])
    }

    static func anchor(_ label: String, _ relation: AnchorRelation = .rightOf) -> Locator {
        Locator(kind: .anchor(label: label, isRegex: false, relation: relation))
    }

    static func ocrPage(_ build: (PageBuilder) -> Void) -> PageText {
        let builder = PageBuilder()
        build(builder)
        var page = builder.page
        page.source = .ocr
        return page
    }

    @Test(arguments: ["消費税(8%め", "消費税8%)", "消費税（8%）", "消 費 税(8%"])
    func aLabelIsFoundWhateverOCRDidToItsBrackets(printed: String) {
        let page = PageBuilder().word(printed, x: 300, y: 100).word("¥673", x: 500, y: 100).page
        let result = Extractor.extract(pages: [page], template: Self.field("tax_8", Self.anchor("消費税(8%)")))
        #expect(result.values["tax_8"]?.intValue == 673)
    }

    @Test func latinLabelsMatchInAnyCase() {
        let page = PageBuilder().word("CONSUMPTION TAX 10%", x: 300, y: 100).word("JPY 4,128", x: 500, y: 100).page
        let result = Extractor.extract(pages: [page], template: Self.field("tax_10", Self.anchor("Tax 10%")))
        #expect(result.values["tax_10"]?.intValue == 4128)
    }

    @Test(arguments: ["No,", "請求書No,", "Invoice No,"])
    func aFullStopReadAsACommaStillMakesTheLabel(read: String) {
        let page = PageBuilder().word(read, x: 300, y: 100).word("YB-24-0719", x: 380, y: 100).page
        let label = String(read.map { $0 == "," ? "." : $0 })
        let result = Extractor.extract(pages: [page], template: Self.field("invoice_number", Self.anchor(label)))
        #expect(result["invoice_number"] == "YB-24-0719")
    }

    @Test(arguments: ["18011001087654", "78011001087654", "I8011001087654"])
    func aMisreadTBeforeThirteenDigitsIsStillTheNumberButNotSureEnoughToPost(printed: String) throws {
        let page = PageBuilder().word("登録番号", x: 300, y: 100).word(printed, x: 360, y: 100).page
        let result = Extractor.extract(pages: [page], template: Self.field("registration_number", Self.anchor("登録番号")))
        let value = try #require(result.values["registration_number"])
        #expect(value.value == "T8011001087654")
        #expect(value.confidence < 0.9)
    }

    @Test func aTemplatesOwnNumberReplacesAReadingTwoDigitsOffAtReviewConfidence() throws {
        var template = Self.field("registration_number", Self.anchor("登録番号"))
        template.match.registrationNumbers = ["T8011001087654"]
        let page = PageBuilder().word("登録番号", x: 300, y: 100).word("T8011991087654", x: 360, y: 100).page
        let value = try #require(Extractor.extract(pages: [page], template: template).values["registration_number"])
        #expect(value.value == "T8011001087654")
        #expect(value.confidence < 0.9)
        // Farther off, it is another number: the reading stays, and its check digit fails.
        let other = PageBuilder().word("登録番号", x: 300, y: 100).word("T8099991087654", x: 360, y: 100).page
        #expect(Extractor.extract(pages: [other], template: template).values["registration_number"]?.value == "T8099991087654")
    }

    @Test func specksInANameAreLeftOutButItsDashesStay() {
        let page = Self.ocrPage { builder in
            builder.word("株式", x: 40, y: 100).word("、", x: 61, y: 104, height: 2).word("会社", x: 62, y: 100)
                .word("サー", x: 83, y: 100).word("o", x: 104, y: 102, height: 3).word("ビス", x: 106, y: 100)
                .word("御中", x: 140, y: 100)
        }
        let result = Extractor.extract(pages: [page], template: Self.field("recipient_name", Self.anchor("御中", .leftOf)))
        #expect(result["recipient_name"] == "株式会社サービス")
    }

    @Test func aRuleReadIntoADateIsLeftOut() throws {
        let page = PageBuilder().word("お支払期限", x: 300, y: 100).word("令", x: 400, y: 100).word("ー", x: 411, y: 100)
            .word("和6年5月31日", x: 422, y: 100).page
        let value = try #require(Extractor.extract(pages: [page], template: Self.field("due_date", Self.anchor("お支払期限"))).values["due_date"])
        #expect(value.value == "2024-05-31")
        #expect(value.confidence < 1)
    }
}
