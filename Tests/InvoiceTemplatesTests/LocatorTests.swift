import InvoiceCore
import InvoiceTemplates
import Testing

@Suite("Locators, candidates and their resolution")
struct LocatorTests {
    static func template(_ rules: [FieldRule], numbers: [String] = [], keywords: [String] = ["x"]) -> Template {
        Template(name: "test", match: MatchRules(registrationNumbers: numbers, keywords: keywords), fields: rules)
    }

    static func anchor(_ label: String, _ relation: AnchorRelation, page: Int? = nil, pattern: String? = nil) -> Locator {
        Locator(kind: .anchor(label: label, isRegex: false, relation: relation), page: page, pattern: pattern)
    }

    static var header: PageText {
        let builder = PageBuilder()
        builder.word("株式会社サンプル商事", x: 40, y: 100)
        builder.word("御中", x: 145, y: 100)
        builder.word("請求書番号", x: 340, y: 100)
        builder.word("A-17", x: 480, y: 100)
        builder.word("発行日", x: 340, y: 120)
        builder.word("令和6年5月31日", x: 470, y: 120)
        builder.word("Due Date", x: 340, y: 140)
        builder.word("31", x: 470, y: 140)
        builder.word("May", x: 483, y: 140)
        builder.word("2024", x: 503, y: 140)
        builder.word("発行者", x: 340, y: 170)
        builder.word("株式会社ソラ", x: 340, y: 185, confidence: 0.8)
        builder.word("登録番号：T8011001087654", x: 340, y: 200)
        return builder.page
    }

    /// One field, one locator, the value it finds.
    @Test(arguments: [
        ("invoice_number", anchor("請求書番号", .rightOf), "A-17"),
        ("issue_date", anchor("発行日", .rightOf), "2024-05-31"),
        ("due_date", anchor("Due Date", .rightOf), "2024-05-31"),
        ("recipient_name", anchor("御中", .leftOf), "株式会社サンプル商事"),
        ("issuer_name", anchor("発行者", .below), "株式会社ソラ"),
        ("registration_number", anchor("登録番号", .rightOf), "T8011001087654"),
        ("issuer_name", anchor("登録番号", .box(dx: 0, dy: -20, width: 100, height: 15)), "株式会社ソラ"),
        ("issuer_name", Locator(kind: .region(x: 0.55, y: 0.215, width: 0.3, height: 0.02)), "株式会社ソラ"),
        ("registration_number", Locator(kind: .regex("(T[0-9]{13})")), "T8011001087654"),
        ("invoice_number", Locator(kind: .anchor(label: "請求書?番号", isRegex: true, relation: .rightOf)), "A-17"),
        ("invoice_number", anchor("請求書番号", .rightOf, pattern: "^B-"), nil),
        ("invoice_number", anchor("請求書番号", .rightOf, page: 2), nil),
        ("invoice_number", anchor("請求書番号", .rightOf, page: -1), "A-17"),
    ] as [(String, Locator, String?)])
    func aLocatorFindsItsValue(field: String, locator: Locator, expected: String?) {
        let result = Extractor.extract(pages: [Self.header], template: Self.template([FieldRule(field: field, locators: [locator])]))
        #expect(result[field] == expected)
        if expected != nil {
            #expect(result.fields.first { $0.field == field }?.locator == locator.summary)
        }
    }

    @Test func confidenceIsTheWordsTimesTheLocatorTimesTheNormaliser() throws {
        let locator = Locator(kind: .anchor(label: "発行者", isRegex: false, relation: .below), certainty: 0.9)
        let result = Extractor.extract(pages: [Self.header],
                                       template: Self.template([FieldRule(field: "issuer_name", locators: [locator])]))
        let issuer = try #require(result.fields.first { $0.field == "issuer_name" })
        #expect(abs(issuer.value.confidence - 0.8 * 0.9) < 1e-9)
        #expect(issuer.value.page == 1)
        #expect(issuer.value.box == BoundingBox(x: 340, y: 185, width: 60, height: 10))
    }

    /// Two readings of each amount; only one combination adds up, and it wins although the
    /// other readings come first on the page.
    @Test func theTaxArithmeticChoosesAmongCandidates() {
        let builder = PageBuilder()
        builder.word("合計", x: 300, y: 100).word("¥9,999", x: 450, y: 100)
        builder.word("ご請求金額", x: 300, y: 120).word("¥11,000", x: 450, y: 120)
        builder.word("10%対象", x: 300, y: 140).word("¥10,000", x: 450, y: 140)
        builder.word("消費税", x: 300, y: 160).word("¥1,100", x: 450, y: 160).word("¥1,000", x: 520, y: 160)
        let rules = [
            FieldRule(field: "total_amount", locators: [Self.anchor("合計", .rightOf), Self.anchor("ご請求金額", .rightOf)]),
            FieldRule(field: "taxable_10", locators: [Self.anchor("10%対象", .rightOf)]),
            FieldRule(field: "tax_10", locators: [Self.anchor("消費税", .rightOf)]),
        ]
        let result = Extractor.extract(pages: [builder.page], template: Self.template(rules))
        #expect(result["total_amount"] == "11000")
        #expect(result["tax_10"] == "1000")
        #expect(result["tax_amount"] == "1000")
        #expect(result["taxable_8"] == "0")
        #expect(result["tax_8"] == "0")
        #expect(result.reasons.isEmpty)
        let total = result.fields.first { $0.field == "total_amount" }
        #expect(total?.alternatives.map(\.value) == ["9999"])
    }

    @Test func amountsThatDoNotAddUpAreReported() {
        let builder = PageBuilder()
        builder.word("ご請求金額", x: 300, y: 120).word("¥12,000", x: 450, y: 120)
        builder.word("10%対象", x: 300, y: 140).word("¥10,000", x: 450, y: 140)
        builder.word("消費税", x: 300, y: 160).word("¥1,000", x: 450, y: 160)
        let rules = [
            FieldRule(field: "total_amount", locators: [Self.anchor("ご請求金額", .rightOf)]),
            FieldRule(field: "taxable_10", locators: [Self.anchor("10%対象", .rightOf)]),
            FieldRule(field: "tax_10", locators: [Self.anchor("消費税", .rightOf)]),
        ]
        let result = Extractor.extract(pages: [builder.page], template: Self.template(rules))
        #expect(result.reasons.contains { $0.code == .totalMismatch }, "\(result.fields.map { "\($0.field)=\($0.value.value ?? "-")" }) \(result.reasons)")
    }

    @Test func aValidCheckDigitWinsOverAnEarlierMisprint() {
        let builder = PageBuilder()
        builder.word("T8011001087655", x: 40, y: 40)
        builder.word("登録番号", x: 300, y: 200).word("T8011001087654", x: 360, y: 200)
        let rules = [FieldRule(field: "registration_number", locators: [Locator(kind: .regex("T[0-9]{13}"))])]
        let result = Extractor.extract(pages: [builder.page], template: Self.template(rules))
        #expect(result["registration_number"] == "T8011001087654")
    }

    @Test func theIssuerIsNeverTheRecipient() {
        let result = Extractor.extractGeneric(pages: [Self.header])
        #expect(result["recipient_name"] == "株式会社サンプル商事")
        #expect(result["issuer_name"] == "株式会社ソラ")
    }
}
